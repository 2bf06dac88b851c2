void top(int a[4][8], int out[4]) {
    for (int i = 0; i < 4; i++) {
#pragma HLS unroll // FIRE
        int acc = 0;
        for (int j = 0; j < 8; j++) {
            acc += a[i][j];
        }
        out[i] = acc;
    }
}
