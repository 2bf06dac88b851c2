#define ROWS 4
#define COLS 64

extern "C" void row_max(const int m[ROWS][COLS], int out[ROWS]) {
rows:
    for (int r = 0; r < ROWS; r++) {
#pragma HLS unroll factor=2 // BUG(ILNU)
        int best = m[r][0];
    cols:
        for (int c = 1; c < COLS; c++) {
            best = m[r][c] > best ? m[r][c] : best;
        }
        out[r] = best;
    }
}
