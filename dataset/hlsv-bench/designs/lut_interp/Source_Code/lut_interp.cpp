// lut_interp.cpp - piecewise-linear function evaluation from a 17-entry
// lookup table. x is a 12-bit code: the top 4 bits select the segment, the
// low 8 bits interpolate between its two end points. Segments may fall, so
// the slope is a signed difference of two unsigned table entries.
#include "ap_int.h"

#define LI_SEGMENTS 16
#define LI_POINTS (LI_SEGMENTS + 1)
#define LI_FRAC_BITS 8
#define LI_BLOCK 32

typedef ap_uint<12> li_in_t;
typedef ap_uint<16> li_out_t;

static const li_out_t LUT[LI_POINTS] = {38000, 40336, 48580, 45073, 13351, 14316,
                                        17191, 22943, 53078, 47190, 33980, 28738,
                                        4132,  15199, 36337, 38089, 54292};

void lut_interp(const li_in_t x[LI_BLOCK], li_out_t y[LI_BLOCK]) {
#pragma HLS INTERFACE mode=m_axi port=x offset=slave bundle=gmem depth=32
#pragma HLS INTERFACE mode=m_axi port=y offset=slave bundle=gmem depth=32
#pragma HLS INTERFACE mode=s_axilite port=return
    li_out_t table[LI_POINTS];
#pragma HLS array_partition variable=table type=complete dim=1
#pragma HLS bind_storage variable=LUT type=rom_1p impl=lutram

copy_lut:
    for (int i = 0; i < LI_POINTS; i++) {
#pragma HLS unroll
        table[i] = LUT[i];
    }
eval_loop:
    for (int i = 0; i < LI_BLOCK; i++) {
#pragma HLS pipeline II=1
        li_in_t v = x[i];
        ap_uint<4> seg = v >> LI_FRAC_BITS;
        ap_uint<9> frac = v & 0xFF;
        ap_int<17> lo = table[seg];
        ap_int<17> hi = table[seg + 1];
        ap_int<18> slope = hi - lo;
        ap_int<28> delta = slope * frac;
        ap_int<20> res = lo + (delta >> LI_FRAC_BITS);
        y[i] = (li_out_t)res;
    }
}
