#define LEN 32

extern "C" void lookup(const int idx[LEN], const int table[LEN], int out[LEN]) {
#pragma HLS INTERFACE axis port=table // BUG(IDAP)
#pragma HLS INTERFACE ap_fifo port=idx
#pragma HLS INTERFACE ap_fifo port=out
    for (int i = 0; i < LEN; i++) {
        out[i] = table[idx[i]];
    }
}
