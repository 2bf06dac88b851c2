/* spmv_csr.c - y = A * x for a sparse 16x32 matrix in compressed sparse row
 * form (plain C). Row pointers, column indices and values stream in over
 * AXI; the dense vector x sits in a RAM port because it is read at the
 * column indices, i.e. at addresses that come from the data. */
#define SP_ROWS 16
#define SP_COLS 32
#define SP_MAX_NNZ 160

void spmv_csr(const unsigned char row_ptr[SP_ROWS + 1], const unsigned char col_idx[SP_MAX_NNZ],
              const short vals[SP_MAX_NNZ], const short x[SP_COLS], int y[SP_ROWS],
              int *nnz_seen) {
#pragma HLS INTERFACE m_axi port=row_ptr offset=slave bundle=gmem depth=17
#pragma HLS INTERFACE m_axi port=col_idx offset=slave bundle=gmem depth=160
#pragma HLS INTERFACE m_axi port=vals offset=slave bundle=gmem1 depth=160
#pragma HLS INTERFACE bram port=x
#pragma HLS INTERFACE m_axi port=y offset=slave bundle=gmem depth=16
#pragma HLS INTERFACE s_axilite port=nnz_seen
#pragma HLS INTERFACE s_axilite port=return
    int r, k;
    int count = 0;
    int start = row_ptr[0];

row_loop:
    for (r = 0; r < SP_ROWS; r++) {
        int end = row_ptr[r + 1];
        int acc = 0;
    nz_loop:
        for (k = start; k < end; k++) {
#pragma HLS loop_tripcount min=0 max=32
#pragma HLS pipeline II=1
            acc += vals[k] * x[col_idx[k]];
        }
        y[r] = acc;
        count += end - start;
        start = end;
    }
    *nnz_seen = count;
}
