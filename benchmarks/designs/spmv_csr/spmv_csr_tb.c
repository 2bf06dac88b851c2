/* spmv_csr_tb.c - self-checking testbench for spmv_csr: random CSR slices
 * of varying density (including empty rows and one full row) against a
 * dense reference product. */
#include <stdio.h>
#include <stdlib.h>

#define SP_ROWS 16
#define SP_COLS 32
#define SP_MAX_NNZ 160

void spmv_csr(const unsigned char row_ptr[SP_ROWS + 1], const unsigned char col_idx[SP_MAX_NNZ],
              const short vals[SP_MAX_NNZ], const short x[SP_COLS], int y[SP_ROWS],
              int *nnz_seen);

static unsigned int state;
static unsigned int next_rand(void) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

int main(void) {
    const char *env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    /* per-row nonzero budget: percent chance that a column is set */
    const int density[5] = {20, 5, 35, 0, 12};
    int c, r, j;
    for (c = 0; c < 5; c++) {
        static unsigned char row_ptr[SP_ROWS + 1];
        static unsigned char col_idx[SP_MAX_NNZ + 2];
        static short vals[SP_MAX_NNZ + 2];
        static short x[SP_COLS];
        static int dense[SP_ROWS][SP_COLS];
        int y[SP_ROWS + 2];
        /* the rows are a slice of a larger matrix: its entries start at `base` */
        int base = 3 * c, nnz = base, seen = -1, sum = 0;
        if (sel >= 0 && c != sel) continue;
        state = 0x9E3779B9u ^ (unsigned int)(c * 7919 + 1);
        for (j = 0; j < SP_COLS; j++) x[j] = (short)((int)(next_rand() % 2001) - 1000);
        for (r = 0; r < SP_ROWS; r++) {
            row_ptr[r] = (unsigned char)nnz;
            for (j = 0; j < SP_COLS; j++) {
                int set = (c == 3 && r == 5) || (int)(next_rand() % 100) < density[c];
                if (r == 9 && c != 3) set = 0; /* an empty row */
                dense[r][j] = 0;
                if (set && nnz < SP_MAX_NNZ) {
                    short v = (short)((int)(next_rand() % 65536) - 32768);
                    dense[r][j] = v;
                    col_idx[nnz] = (unsigned char)j;
                    vals[nnz] = v;
                    nnz++;
                }
            }
        }
        row_ptr[SP_ROWS] = (unsigned char)nnz;
        for (j = 0; j < base; j++) {
            col_idx[j] = (unsigned char)(j * 7 % SP_COLS);
            vals[j] = (short)(1000 + j);
        }
        for (j = nnz; j < SP_MAX_NNZ + 2; j++) {
            col_idx[j] = 0x55;
            vals[j] = 0x7777;
        }
        for (r = 0; r < SP_ROWS + 2; r++) y[r] = 0x5A5A5A5A;
        spmv_csr(row_ptr, col_idx, vals, x, y, &seen);
        for (r = 0; r < SP_ROWS; r++) {
            int ref = 0;
            for (j = 0; j < SP_COLS; j++) ref += dense[r][j] * x[j];
            sum += y[r] & 0xFFFF;
            if (y[r] != ref) {
                printf("case %d row %d: got %d expected %d\n", c, r, y[r], ref);
                errors++;
            }
        }
        printf("case %d nnz %d seen %d checksum %d\n", c, nnz - base, seen, sum);
        if (seen != nnz - base) errors++;
        if (y[SP_ROWS] != 0x5A5A5A5A || y[SP_ROWS + 1] != 0x5A5A5A5A) {
            printf("case %d guard overwritten\n", c);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
