// matrix_transpose.h - transposes a batch of 6x8 tiles of 16-bit words.
#ifndef MATRIX_TRANSPOSE_H
#define MATRIX_TRANSPOSE_H

#include "ap_int.h"

#define TR_ROWS 6
#define TR_COLS 8
#define TR_TILE (TR_ROWS * TR_COLS)
#define TR_BATCH 3

typedef ap_uint<16> tword_t;

// out tile t = transpose(in tile t), row-major; parity[t] = xor of all words.
void matrix_transpose(const tword_t in[TR_BATCH * TR_TILE], tword_t out[TR_BATCH * TR_TILE],
                      tword_t parity[TR_BATCH]);

#endif
