// axis_scale.cpp - AXI4-Stream gain/offset block. Each 32-bit beat carries two
// signed 16-bit lanes; each lane is scaled by gain (Q8.8, rounded) and
// shifted by offset, with saturation to 16 bits. Side-band signals are
// forwarded, TLAST ends the packet.
#include "ap_int.h"
#include "ap_axi_sdata.h"
#include "hls_stream.h"

typedef ap_axiu<32, 0, 0, 0> pkt_t;

static const int SAT_MAX = 32767;
static const int SAT_MIN = -32768;

static ap_int<16> scale_lane(ap_int<32> x, ap_int<16> gain, ap_int<16> offset) {
#pragma HLS inline
    ap_int<48> prod = x * gain;
    ap_int<48> y = ((prod + 128) >> 8) + offset;
    if (y > SAT_MAX) y = SAT_MAX;
    if (y < SAT_MIN) y = SAT_MIN;
    return (ap_int<16>)y;
}

void axis_scale(hls::stream<pkt_t>& in, hls::stream<pkt_t>& out, ap_int<16> gain,
                ap_int<16> offset, int& beats) {
#pragma HLS INTERFACE axis port=in
#pragma HLS INTERFACE axis port=out
#pragma HLS INTERFACE s_axilite port=gain
#pragma HLS INTERFACE s_axilite port=offset
#pragma HLS INTERFACE s_axilite port=beats
#pragma HLS INTERFACE s_axilite port=return
    int count = 0;
beat_loop:
    while (true) {
#pragma HLS loop_tripcount min=1 max=256
#pragma HLS pipeline II=1
        pkt_t p = in.read();
        ap_int<16> lo16 = p.data.range(15, 0);
        ap_int<16> hi16 = p.data.range(31, 16);
        ap_int<32> lo = lo16;  // sign-extend each lane before scaling
        ap_int<32> hi = hi16;
        ap_int<16> ylo = scale_lane(lo, gain, offset);
        ap_int<16> yhi = scale_lane(hi, gain, offset);
        pkt_t q;
        q.data = (yhi, ylo);
        q.keep = p.keep;
        q.strb = p.strb;
        q.last = p.last;
        out.write(q);
        count++;
        if (p.last) break;
    }
    beats = count;
}
