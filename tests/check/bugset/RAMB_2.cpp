#define ROWS 64
#define COLS 64

extern "C" void transpose(const int* in, int* out) {
#pragma HLS interface m_axi port=in bundle=gmem0 depth=4096
#pragma HLS interface m_axi port=out bundle=gmem1 depth=4096 // BUG(RAMB)
    for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < COLS; c++) {
#pragma HLS pipeline II=1
            out[c * ROWS + r] = in[r * COLS + c];
        }
    }
}
