void top(const int table[256], const int keys[64], int out[64]) {
#pragma HLS interface mode=m_axi port=table offset=slave // FIRE
#pragma HLS interface mode=m_axi port=keys offset=slave
#pragma HLS interface mode=m_axi port=out offset=slave
    for (int i = 0; i < 64; i++) {
#pragma HLS pipeline II=1
        out[i] = table[keys[i] & 255];
    }
}
