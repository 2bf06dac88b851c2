void top(const int table[256], const int keys[64], int out[64]) {
#pragma HLS interface mode=m_axi port=table offset=slave // FIRE
#pragma HLS interface mode=m_axi port=keys offset=slave
#pragma HLS interface mode=m_axi port=out offset=slave
    for (int i = 0; i < 64; i++) {
#pragma HLS pipeline II=1
        out[i] = table[keys[i] & 255];
    }
}
// The data-dependent subscript is the second one: emit[s][obs[t]].
void score(const int emit[4][4], const int obs[32], int out[32][4]) {
#pragma HLS interface mode=m_axi port=emit offset=slave // FIRE
#pragma HLS interface mode=bram port=obs
#pragma HLS interface mode=m_axi port=out offset=slave
    for (int t = 0; t < 32; t++) {
        for (int s = 0; s < 4; s++) {
#pragma HLS pipeline II=1
            out[t][s] = emit[s][obs[t] & 3];
        }
    }
}
