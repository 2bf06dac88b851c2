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
// A product of two counters jumps around: i * j is not a walk through memory.
void products(const int* mem, int out[64]) {
#pragma HLS interface mode=m_axi port=mem offset=slave depth=4096 // FIRE
#pragma HLS interface mode=m_axi port=out offset=slave depth=64
    for (int i = 0; i < 8; i++) {
#pragma HLS pipeline II=1
        int acc = 0;
        for (int j = 0; j < 8; j++) {
            acc += mem[i * j];
        }
        out[i] = acc;
    }
}
