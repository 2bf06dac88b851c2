void top(int in[64], int out[64]) {
#pragma HLS interface mode=m_axi port=in offset=slave
#pragma HLS interface mode=bram port=in // FIRE
    int buf[64];
#pragma HLS array_partition variable=buf type=cyclic factor=4 dim=1
#pragma HLS array_partition variable=buf type=block factor=4 dim=1 // FIRE
    for (int i = 0; i < 64; i++) {
#pragma HLS pipeline II=1
#pragma HLS pipeline II=2 // FIRE
        buf[i] = in[i];
        out[i] = buf[i];
    }
}
