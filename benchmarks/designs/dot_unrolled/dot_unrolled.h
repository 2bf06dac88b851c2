// dot_unrolled.h - batched int8 dot products with a manually unrolled body.
#ifndef DOT_UNROLLED_H
#define DOT_UNROLLED_H

#include "ap_int.h"

constexpr int DOT_LEN = 32;
constexpr int DOT_BATCH = 4;

using dot_in_t = ap_int<8>;
using dot_out_t = ap_int<24>;

// res[b] = sum_i a[b][i] * w[i]
void dot_unrolled(const dot_in_t a[DOT_BATCH][DOT_LEN], const dot_in_t w[DOT_LEN],
                  dot_out_t res[DOT_BATCH]);

#endif
