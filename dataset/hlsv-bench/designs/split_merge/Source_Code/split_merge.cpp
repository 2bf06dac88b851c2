// split_merge.cpp - dataflow graph with a fork and a join: a splitter sends
// even-indexed samples to a smoothing lane and odd-indexed samples to a
// squaring lane; the merger interleaves both lanes back into one stream.
#include "ap_int.h"
#include "hls_stream.h"

#define SM_PAIRS 32

typedef ap_int<12> in_t;
typedef ap_int<24> out_t;

static void splitter(hls::stream<in_t>& in, hls::stream<in_t>& even, hls::stream<in_t>& odd) {
#pragma HLS inline off
split_loop:
    for (int i = 0; i < SM_PAIRS; i++) {
#pragma HLS pipeline II=2
        even.write(in.read());
        odd.write(in.read());
    }
}

// y = (3 * x + x_prev) >> 2, x_prev starts at 0
static void smooth_lane(hls::stream<in_t>& in, hls::stream<out_t>& out) {
#pragma HLS inline off
    ap_int<14> prev = 0;
smooth_loop:
    for (int i = 0; i < SM_PAIRS; i++) {
#pragma HLS pipeline II=1
        ap_int<14> x = in.read();
        ap_int<16> s = (x << 1) + x + prev;
        out.write(s >> 2);
        prev = x;
    }
}

// y = x * x - 7
static void square_lane(hls::stream<in_t>& in, hls::stream<out_t>& out) {
#pragma HLS inline off
square_loop:
    for (int i = 0; i < SM_PAIRS; i++) {
#pragma HLS pipeline II=1
        in_t x = in.read();
        out.write(x * x - 7);
    }
}

static void merger(hls::stream<out_t>& a, hls::stream<out_t>& b, hls::stream<out_t>& out) {
#pragma HLS inline off
merge_loop:
    for (int i = 0; i < SM_PAIRS; i++) {
#pragma HLS pipeline II=2
        out.write(a.read());
        out.write(b.read());
    }
}

void split_merge(hls::stream<in_t>& in, hls::stream<out_t>& out) {
#pragma HLS INTERFACE mode=axis port=in
#pragma HLS INTERFACE mode=axis port=out
#pragma HLS INTERFACE mode=ap_ctrl_none port=return
#pragma HLS dataflow
    hls::stream<in_t> even_s, odd_s;
    hls::stream<out_t> smooth_s, square_s;
#pragma HLS stream variable=even_s depth=2
#pragma HLS stream variable=odd_s depth=2
    splitter(in, even_s, odd_s);
    smooth_lane(even_s, smooth_s);
    square_lane(odd_s, square_s);
    merger(smooth_s, square_s, out);
}
