void top(int in[64], int out[64], int n) {
#pragma HLS interface mode=m_axi port=in
#pragma HLS interface mode=m_axi port=out
#pragma HLS interface mode=s_axilite port=n
#pragma HLS interface mode=s_axilite port=return
    for (int i = 0; i < 64; i++) {
        out[i] = in[i] + n;
    }
}
