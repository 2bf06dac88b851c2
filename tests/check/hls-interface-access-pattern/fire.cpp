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
// A FIFO port read at an index taken from another port's data.
void recolour(const unsigned char pix[64], const int palette[256], int out[64]) {
#pragma HLS interface mode=m_axi port=pix offset=slave
#pragma HLS interface mode=ap_fifo port=palette // FIRE
#pragma HLS interface mode=m_axi port=out offset=slave
    for (int i = 0; i < 64; i++) {
#pragma HLS pipeline II=1
        unsigned char c = pix[i];
        out[i] = palette[c];
    }
}
