// popcount_hamming.cpp - nearest-neighbour search over 64-bit binary codes by
// Hamming distance. The popcount is the classic SWAR reduction written out
// step by step with constant shifts and masks.
#include "ap_int.h"

#define HM_ENTRIES 20
#define HM_NO_MATCH 65

typedef ap_uint<64> code_t;

static ap_uint<7> popcount64(code_t x) {
#pragma HLS inline
    const code_t m1 = 0x5555555555555555ULL;
    const code_t m2 = 0x3333333333333333ULL;
    const code_t m4 = 0x0F0F0F0F0F0F0F0FULL;
    const code_t h01 = 0x0101010101010101ULL;
    x = x - ((x >> 1) & m1);
    x = (x & m2) + ((x >> 2) & m2);
    x = (x + (x >> 4)) & m4;
    code_t prod = x * h01;
    return (ap_uint<7>)(prod >> 56);
}

void popcount_hamming(const code_t db[HM_ENTRIES], code_t query, int limit,
                      ap_uint<7> dist[HM_ENTRIES], int& best_idx, ap_uint<7>& best_dist) {
#pragma HLS INTERFACE m_axi port=db offset=slave bundle=gmem depth=20
#pragma HLS INTERFACE m_axi port=dist offset=slave bundle=gmem depth=20
#pragma HLS INTERFACE s_axilite port=query
#pragma HLS INTERFACE s_axilite port=limit
#pragma HLS INTERFACE s_axilite port=best_idx
#pragma HLS INTERFACE s_axilite port=best_dist
#pragma HLS INTERFACE s_axilite port=return
    ap_uint<7> best = HM_NO_MATCH;
    int idx = -1;
search_loop:
    for (int i = 0; i < HM_ENTRIES; i++) {
#pragma HLS pipeline II=1
        ap_uint<7> d = popcount64(db[i] ^ query);
        dist[i] = d;
        if (d <= limit && d < best) {
            best = d;
            idx = i;
        }
    }
    best_idx = idx;
    best_dist = best;
}
