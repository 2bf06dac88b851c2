// stream_pipeline.cpp - four-stage dataflow pipeline connected by hls::stream:
// load (m_axi) -> scale & clip -> first difference -> store (m_axi).
#include "ap_int.h"
#include "hls_stream.h"

#define SP_MAX_N 128

typedef ap_int<16> val_t;

static void load_stage(const int* in, hls::stream<val_t>& s, int n) {
#pragma HLS inline off
load_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=1 max=128
#pragma HLS pipeline II=1
        s.write((val_t)in[i]);
    }
}

// y = clip((3 * x) >> 1, -20000, 20000)
static void scale_stage(hls::stream<val_t>& in, hls::stream<val_t>& out, int n) {
#pragma HLS inline off
scale_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=1 max=128
#pragma HLS pipeline II=1
        ap_int<18> x = in.read();
        ap_int<18> y = (x + (x << 1)) >> 1;
        if (y > 20000) y = 20000;
        if (y < -20000) y = -20000;
        out.write((val_t)y);
    }
}

// d[i] = y[i] - y[i-1] with y[-1] = 0, halved to stay in 16 bits
static void diff_stage(hls::stream<val_t>& in, hls::stream<val_t>& out, int n) {
#pragma HLS inline off
    val_t prev = 0;
diff_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=1 max=128
#pragma HLS pipeline II=1
        val_t cur = in.read();
        ap_int<17> d = cur - prev;
        out.write((val_t)(d >> 1));
        prev = cur;
    }
}

static void store_stage(hls::stream<val_t>& s, int* out, int n) {
#pragma HLS inline off
store_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=1 max=128
#pragma HLS pipeline II=1
        out[i] = s.read().to_int();
    }
}

void stream_pipeline(const int* in, int* out, int n) {
#pragma HLS interface mode=m_axi port=in offset=slave bundle=gmem0 depth=128
#pragma HLS interface mode=m_axi port=out offset=slave bundle=gmem1 depth=128
#pragma HLS interface mode=s_axilite port=n
#pragma HLS interface mode=s_axilite port=return
#pragma HLS dataflow
    hls::stream<val_t> raw_s, scaled_s, diff_s;
#pragma HLS stream variable=raw_s depth=4
#pragma HLS stream variable=scaled_s depth=4
#pragma HLS stream variable=diff_s depth=4
    load_stage(in, raw_s, n);
    scale_stage(raw_s, scaled_s, n);
    diff_stage(scaled_s, diff_s, n);
    store_stage(diff_s, out, n);
}
