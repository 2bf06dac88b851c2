// embedding_bag.h - sum-pooled embedding lookup: each bag is a run of token
// ids; the bag's vector is the sum of the rows those ids select from a
// 64-entry table of four packed signed 8-bit lanes, scaled by a per-token weight.
#ifndef EMBEDDING_BAG_H
#define EMBEDDING_BAG_H

#include "ap_int.h"

constexpr int EB_VOCAB = 64;
constexpr int EB_DIM = 4;
constexpr int EB_MAX_TOKENS = 96;
constexpr int EB_MAX_BAGS = 8;

using token_t = ap_uint<6>;
using row_t = ap_uint<8 * EB_DIM>; // lane d in bits [8d+7 : 8d]
using weight_t = ap_uint<4>;
using pooled_t = ap_int<16>;

void embedding_bag(const token_t ids[EB_MAX_TOKENS], const weight_t weights[EB_MAX_TOKENS],
                   const ap_uint<8> bag_end[EB_MAX_BAGS], const row_t table[EB_VOCAB],
                   pooled_t out[EB_MAX_BAGS][EB_DIM], int n_bags);

#endif
