// histogram.cpp - pipelined histogram. Consecutive samples falling into the
// same bin are merged in a register (the usual read-after-write forwarding
// trick), so the RAM is written once per run of equal bins.
#include "histogram.h"

void histogram(const hval_t data[HIST_MAX_N], int n, hcount_t hist[HIST_BINS],
               hval_t& min_v, hval_t& max_v) {
#pragma HLS INTERFACE m_axi port=data offset=slave bundle=gmem depth=256
#pragma HLS INTERFACE m_axi port=hist offset=slave bundle=gmem depth=16
#pragma HLS INTERFACE s_axilite port=n
#pragma HLS INTERFACE s_axilite port=min_v
#pragma HLS INTERFACE s_axilite port=max_v
#pragma HLS INTERFACE s_axilite port=return

    hcount_t bins[HIST_BINS];
#pragma HLS bind_storage variable=bins type=ram_2p impl=bram

clear_bins:
    for (int b = 0; b < HIST_BINS; b++) {
#pragma HLS pipeline II=1
        bins[b] = 0;
    }

    hval_t lo = 0xFF;
    hval_t hi = 0;
    ap_uint<4> prev_bin = 0;
    hcount_t run = 0;

count_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=1 max=256
#pragma HLS pipeline II=1
        hval_t v = data[i];
        ap_uint<4> bin = v >> HIST_BIN_SHIFT;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
        if (bin == prev_bin) {
            run++;
        } else {
            bins[prev_bin] += run;
            run = 1;
            prev_bin = bin;
        }
    }
    bins[prev_bin] += run;

write_out:
    for (int b = 0; b < HIST_BINS; b++) {
#pragma HLS pipeline II=1
        hist[b] = bins[b];
    }
    min_v = lo;
    max_v = hi;
}
