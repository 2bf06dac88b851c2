// embedding_bag.cpp - bag b covers tokens [bag_end[b-1], bag_end[b]). The
// table is a RAM port read at the token id, so its addresses come from the
// id stream; the four lanes of a row are summed in parallel and saturated.
#include "embedding_bag.h"

template <int W>
static pooled_t saturate(ap_int<W> v) {
    constexpr int hi = 32767, lo = -32768;
    if (v > hi) return hi;
    if (v < lo) return lo;
    return v;
}

void embedding_bag(const token_t ids[EB_MAX_TOKENS], const weight_t weights[EB_MAX_TOKENS],
                   const ap_uint<8> bag_end[EB_MAX_BAGS], const row_t table[EB_VOCAB],
                   pooled_t out[EB_MAX_BAGS][EB_DIM], int n_bags) {
#pragma HLS interface mode=m_axi port=ids offset=slave bundle=gmem0 depth=96
#pragma HLS interface mode=m_axi port=weights offset=slave bundle=gmem0 depth=96
#pragma HLS interface mode=m_axi port=bag_end offset=slave bundle=gmem1 depth=8
#pragma HLS interface mode=bram port=table
#pragma HLS interface mode=m_axi port=out offset=slave bundle=gmem1 depth=32
#pragma HLS interface mode=s_axilite port=n_bags
#pragma HLS interface mode=s_axilite port=return
    int start = 0;
bag_loop:
    for (int b = 0; b < n_bags; b++) {
#pragma HLS loop_tripcount min=1 max=8
        int end = bag_end[b];
        ap_int<20> acc[EB_DIM];
#pragma HLS array_partition variable=acc type=complete dim=1
        for (int d = 0; d < EB_DIM; d++) {
#pragma HLS unroll
            acc[d] = 0;
        }
    token_loop:
        for (int k = start; k < end; k++) {
#pragma HLS loop_tripcount min=0 max=32
#pragma HLS pipeline II=1
            token_t tok = ids[k];
            row_t row = table[tok];
            weight_t w = weights[k];
        lane_loop:
            for (int d = 0; d < EB_DIM; d++) {
                ap_int<8> lane = row.range(8 * d + 7, 8 * d);
                acc[d] += lane * w;
            }
        }
    store_loop:
        for (int d = 0; d < EB_DIM; d++) {
#pragma HLS pipeline II=1
            out[b][d] = saturate(acc[d]);
        }
        start = end;
    }
}
