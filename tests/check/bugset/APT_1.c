#define ROWS 64
#define COLS 64
#define TYPE int

void stencil_rows(TYPE orig[ROWS * COLS], TYPE sol[ROWS * COLS]) {
#pragma HLS array_partition variable=orig block factor=4 // BUG(APT)
    int r, c;
rows:
    for (r = 0; r < ROWS; r++) {
    cols:
        for (c = 0; c < COLS; c++) {
#pragma HLS unroll factor=4
            sol[r * COLS + c] = orig[r * COLS + c] * 2;
        }
    }
}
