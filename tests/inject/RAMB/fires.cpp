// table: bram port read at an address loaded from data (changed to m_axi).
// hist: no interface pragma, read at an address computed in the pipelined loop (one is added).
void lookup(const unsigned char idx[32], const int table[256], int hist[16], int out[32]) {
#pragma HLS INTERFACE mode=bram port=table
#pragma HLS INTERFACE mode=m_axi port=idx offset=slave
#pragma HLS INTERFACE mode=m_axi port=out offset=slave
    for (int i = 0; i < 32; i++) {
#pragma HLS pipeline II=1
        out[i] = table[idx[i]];
        int bin = out[i] & 15;
        out[i] += hist[bin];
    }
}
