void top(int a[8], int out[8], int n) {
#pragma HLS pipeline II=1
    for (int i = 0; i < 8; i++) {
#pragma HLS unroll
#pragma HLS loop_tripcount min=8 max=8
        out[i] = a[i] + n;
    }
}
