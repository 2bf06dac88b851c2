#pragma HLS pipeline II=1 // FIRE
void top(int a[8], int out[8], int n) {
#pragma HLS unroll // FIRE
    for (int i = 0; i < 8; i++) {
        if (n > 0) {
#pragma HLS pipeline II=1 // FIRE
            out[i] = a[i];
        }
    }
}
