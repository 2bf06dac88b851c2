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
// Rows of a matrix whose width is a run-time argument: the stride is unknown but fixed, and the
// unrolled inner loop reads each row in order.
void rows(const int* mat, int* sums, int width, int height) {
#pragma HLS interface mode=m_axi port=mat offset=slave depth=4096
#pragma HLS interface mode=m_axi port=sums offset=slave depth=64
    for (int r = 0; r < height; r++) {
#pragma HLS pipeline II=1
        int acc = 0;
        for (int c = 0; c < 16; c++) {
            acc += mat[c + width * r];
        }
        sums[r] = acc;
    }
}
