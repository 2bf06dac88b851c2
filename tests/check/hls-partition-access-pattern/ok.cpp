void top(const int in[64], int out[16]) {
    int buf[64];
#pragma HLS array_partition variable=buf type=cyclic factor=4 dim=1
    int blk[64];
#pragma HLS array_partition variable=blk type=block factor=4 dim=1
    for (int i = 0; i < 64; i++) {
        buf[i] = in[i];
        blk[i] = in[i];
    }
    for (int k = 0; k < 16; k++) {
        int acc = 0;
        for (int j = 0; j < 4; j++) {
#pragma HLS unroll
            acc += buf[k * 4 + j] + blk[j * 16 + k];
        }
        out[k] = acc;
    }
}
