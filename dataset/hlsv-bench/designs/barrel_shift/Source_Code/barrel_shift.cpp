// barrel_shift.cpp - logarithmic barrel shifter on 32-bit words. Each of the
// five stages shifts by a constant power of two when the matching bit of the
// shift amount is set. Modes: 0 = shift left, 1 = logical right,
// 2 = arithmetic right, 3 = rotate right.
#include "ap_int.h"

#define BS_N 24

typedef ap_uint<32> word_t;
typedef ap_uint<5> amt_t;

static word_t shift_stage(word_t v, bool en, ap_uint<2> mode, int dist) {
#pragma HLS inline
    if (!en) return v;
    if (mode == 0) return v << dist;
    if (mode == 1) return v >> dist;
    if (mode == 2) {
        ap_int<32> s = v;
        return (word_t)(s >> dist);
    }
    return (v >> dist) | (v << (32 - dist));
}

void barrel_shift(const word_t in[BS_N], const amt_t amt[BS_N], word_t out[BS_N],
                  ap_uint<2> mode) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem depth=24
#pragma HLS INTERFACE m_axi port=amt offset=slave bundle=gmem depth=24
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem depth=24
#pragma HLS INTERFACE s_axilite port=mode
#pragma HLS INTERFACE s_axilite port=return
word_loop:
    for (int i = 0; i < BS_N; i++) {
#pragma HLS pipeline II=1
        word_t v = in[i];
        amt_t a = amt[i];
        v = shift_stage(v, a[0], mode, 1);
        v = shift_stage(v, a[1], mode, 2);
        v = shift_stage(v, a[2], mode, 4);
        v = shift_stage(v, a[3], mode, 8);
        v = shift_stage(v, a[4], mode, 16);
        out[i] = v;
    }
}
