void top(int a[4][8], int out[4]) {
    for (int i = 0; i < 4; i++) {
#pragma HLS unroll
        int acc = 0;
        for (int j = 0; j < 8; j++) {
#pragma HLS unroll
            acc += a[i][j];
        }
        out[i] = acc;
    }
    for (int i = 0; i < 4; i++) {
#pragma HLS pipeline II=1
        for (int j = 0; j < 8; j++) {
            out[i] += a[i][j];
        }
    }
}
