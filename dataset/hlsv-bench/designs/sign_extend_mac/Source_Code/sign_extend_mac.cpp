// sign_extend_mac.cpp - y[o] = sat8(((bias[o] + sum_i (x[i]-128) * w[o][i]) * 45) >> 10)
// Every narrowing/widening step here depends on correct sign extension:
// activations are zero-extended before the zero-point subtraction, packed
// nibbles are sign-extended to int4, and the requantization is arithmetic.
#include "sign_extend_mac.h"

void sign_extend_mac(const act_t x[SX_IN], const wpack_t w[SX_OUT][SX_PACKED],
                     const qbias_t bias[SX_OUT], qout_t y[SX_OUT]) {
#pragma HLS INTERFACE mode=bram port=x
#pragma HLS INTERFACE mode=bram port=w
#pragma HLS INTERFACE mode=bram port=bias
#pragma HLS INTERFACE mode=bram port=y
#pragma HLS INTERFACE mode=s_axilite port=return
    ap_int<9> xc[SX_IN];
    wpack_t wl[SX_OUT][SX_PACKED];
#pragma HLS array_partition variable=xc complete dim=1
#pragma HLS array_partition variable=wl complete dim=2

center_loop:
    for (int i = 0; i < SX_IN; i++) {
#pragma HLS pipeline II=1
        ap_int<10> wide = (ap_int<10>)x[i];
        xc[i] = wide - SX_ZERO_POINT;
    }
copy_o:
    for (int o = 0; o < SX_OUT; o++) {
    copy_p:
        for (int p = 0; p < SX_PACKED; p++) {
#pragma HLS pipeline II=1
            wl[o][p] = w[o][p];
        }
    }

out_loop:
    for (int o = 0; o < SX_OUT; o++) {
#pragma HLS pipeline II=1
        ap_int<20> acc = bias[o];
    pair_loop:
        for (int p = 0; p < SX_PACKED; p++) {
#pragma HLS unroll
            wpack_t packed = wl[o][p];
            ap_int<4> w_even = packed.range(3, 0);
            ap_int<4> w_odd = packed.range(7, 4);
            acc += xc[2 * p] * w_even;
            acc += xc[2 * p + 1] * w_odd;
        }
        ap_int<28> scaled = acc * SX_MULT;
        ap_int<28> shifted = scaled >> SX_SHIFT;
        if (shifted > 127) shifted = 127;
        if (shifted < -128) shifted = -128;
        y[o] = (qout_t)shifted;
    }
}
