// bit_pack.cpp - bit packing with ap_uint range assignment and concatenation.
#include "bit_pack.h"

void bit_pack(const sample12_t in[BP_N], hls::stream<word_t>& out, ap_uint<8> tag) {
#pragma HLS INTERFACE mode=bram port=in
#pragma HLS INTERFACE mode=ap_fifo port=out
#pragma HLS INTERFACE mode=s_axilite port=tag
#pragma HLS INTERFACE mode=s_axilite port=return
#pragma HLS array_reshape variable=in type=cyclic factor=8 dim=1

    const ap_uint<8> magic = 0xB1;
    const ap_uint<8> count = BP_N;
    const ap_uint<8> mark = 0x5A;
    word_t header = (magic, tag, count, mark);
    out.write(header);

    ap_int<20> sum = 0;
    ap_uint<12> fold = 0;
group_loop:
    for (int g = 0; g < BP_GROUPS; g++) {
#pragma HLS pipeline II=3
        ap_uint<96> bits = 0;
    lane_loop:
        for (int k = 0; k < BP_LANES; k++) {
#pragma HLS unroll
            sample12_t s = in[g * BP_LANES + k];
            bits.range(12 * k + 11, 12 * k) = s.range(11, 0);
            sum += s;
            ap_uint<12> raw = s.range(11, 0);
            fold ^= (raw << 1) | (raw >> 11);
        }
        out.write(bits.range(31, 0));
        out.write(bits.range(63, 32));
        out.write(bits.range(95, 64));
    }

    word_t trailer = 0;
    trailer.range(19, 0) = sum.range(19, 0);
    trailer.range(31, 20) = fold;
    out.write(trailer);
}
