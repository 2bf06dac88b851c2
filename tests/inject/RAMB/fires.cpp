void lookup(const unsigned char idx[32], const int table[256], int out[32]) {
#pragma HLS INTERFACE mode=bram port=table
#pragma HLS INTERFACE mode=m_axi port=idx offset=slave
#pragma HLS INTERFACE mode=m_axi port=out offset=slave
    for (int i = 0; i < 32; i++) {
        unsigned char k = idx[i];
        out[i] = table[k];
    }
}
