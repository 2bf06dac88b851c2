// matrix_transpose.cpp - tiles are staged in a double-buffered local array:
// tile t is written into bank t%2 while tile t-1 is read out of the other.
#include "matrix_transpose.h"

void matrix_transpose(const tword_t in[TR_BATCH * TR_TILE], tword_t out[TR_BATCH * TR_TILE],
                      tword_t parity[TR_BATCH]) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=144
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1 depth=144
#pragma HLS INTERFACE m_axi port=parity offset=slave bundle=gmem1 depth=3
#pragma HLS INTERFACE s_axilite port=return
    tword_t bank[2][TR_ROWS][TR_COLS];
#pragma HLS array_reshape variable=bank complete dim=1
#pragma HLS array_reshape variable=bank type=complete dim=2

tile_loop:
    for (int t = 0; t <= TR_BATCH; t++) {
        const int wr = t & 1;
        const int rd = wr ^ 1;
        if (t < TR_BATCH) {
        in_row:
            for (int r = 0; r < TR_ROWS; r++) {
            in_col:
                for (int c = 0; c < TR_COLS; c++) {
#pragma HLS pipeline II=1
                    bank[wr][r][c] = in[t * TR_TILE + r * TR_COLS + c];
                }
            }
        }
        if (t > 0) {
            tword_t par = 0;
        out_col:
            for (int c = 0; c < TR_COLS; c++) {
            out_row:
                for (int r = 0; r < TR_ROWS; r++) {
#pragma HLS pipeline II=1
                    tword_t v = bank[rd][r][c];
                    out[(t - 1) * TR_TILE + c * TR_ROWS + r] = v;
                    par ^= v;
                }
            }
            parity[t - 1] = par;
        }
    }
}
