void top(int a[8][8], int out[8]) {
outer:
    for (int i = 0; i < 8; i++) {
#pragma HLS pipeline II=1
        int acc = 0;
    inner:
        for (int j = 0; j < 8; j++) {
#pragma HLS pipeline II=1 // FIRE
            acc += a[i][j];
        }
        out[i] = acc;
    }
}
