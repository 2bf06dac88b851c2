/* matvec.c - y = M * x + bias on a 12x16 int matrix (plain C).
 * The column loop is manually unrolled by four. */
#define ROWS 12
#define COLS 16

void matvec(const int M[ROWS][COLS], const int x[COLS], int y[ROWS], int bias) {
#pragma HLS INTERFACE m_axi port=M offset=slave bundle=gmem depth=192
#pragma HLS INTERFACE bram port=x
#pragma HLS INTERFACE m_axi port=y offset=slave bundle=gmem depth=12
#pragma HLS INTERFACE s_axilite port=bias
#pragma HLS INTERFACE s_axilite port=return
    int xl[COLS];
    int ml[ROWS][COLS];
#pragma HLS array_partition variable=xl cyclic factor=4 dim=1
#pragma HLS array_partition variable=ml cyclic factor=4 dim=2
    int r, c;

copy_x:
    for (c = 0; c < COLS; c++) {
#pragma HLS pipeline II=1
        xl[c] = x[c];
    }
copy_m_row:
    for (r = 0; r < ROWS; r++) {
    copy_m_col:
        for (c = 0; c < COLS; c++) {
#pragma HLS pipeline II=1
            ml[r][c] = M[r][c];
        }
    }

row_loop:
    for (r = 0; r < ROWS; r++) {
        int acc = bias;
    col_loop:
        for (c = 0; c < COLS; c += 4) {
#pragma HLS pipeline II=1
            acc += ml[r][c] * xl[c];
            acc += ml[r][c + 1] * xl[c + 1];
            acc += ml[r][c + 2] * xl[c + 2];
            acc += ml[r][c + 3] * xl[c + 3];
        }
        y[r] = acc;
    }
}
