void top(int in[64], int out[64]) {
#pragma HLS interface mode=m_axi port=in offset=slave
#pragma HLS interface mode=s_axilite port=in
    int buf[4][64];
#pragma HLS array_partition variable=buf type=complete dim=1
#pragma HLS array_partition variable=buf type=cyclic factor=4 dim=2
    for (int i = 0; i < 64; i++) {
#pragma HLS pipeline II=1
        buf[0][i] = in[i];
        out[i] = buf[0][i];
    }
}
