void top(int in[64], int out[64], int idx[64]) {
#pragma HLS interface mode=ap_fifo port=in // FIRE
#pragma HLS interface mode=ap_fifo port=out // FIRE
#pragma HLS interface mode=bram port=idx
    for (int i = 0; i < 64; i++) {
        out[i] = in[i] + in[63 - i];
    }
    for (int i = 0; i < 64; i++) {
        out[idx[i]] = 0;
    }
}
