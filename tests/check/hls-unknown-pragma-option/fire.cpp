void top(int a[8], int out[8]) {
    for (int i = 0; i < 8; i++) {
#pragma HLS pipeline II=1 rewinds // FIRE
#pragma HLS unrol // FIRE
        out[i] = a[i];
    }
}
