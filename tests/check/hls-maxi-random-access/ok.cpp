void top(const int table[256], const int keys[64], int out[64]) {
#pragma HLS interface mode=bram port=table
#pragma HLS interface mode=m_axi port=keys offset=slave
#pragma HLS interface mode=m_axi port=out offset=slave
    for (int i = 0; i < 64; i++) {
#pragma HLS pipeline II=1
        out[i] = table[keys[i] & 255] + keys[i + 0];
    }
}
// Two-dimensional ports walked by the loop counters in every subscript.
void score(const int emit[4][4], int out[4][4]) {
#pragma HLS interface mode=m_axi port=emit offset=slave
#pragma HLS interface mode=m_axi port=out offset=slave
    for (int t = 0; t < 4; t++) {
        for (int s = 0; s < 4; s++) {
#pragma HLS pipeline II=1
            out[t][s] = emit[t][s] + 1;
        }
    }
}
