// accumulator_state.cpp - each call consumes one block of samples and updates
// running totals held in static registers.
#include "accumulator_state.h"

void accumulator_state(const acc_sample_t samples[ACC_BLOCK], bool reset, acc_stats_t& stats) {
#pragma HLS INTERFACE mode=bram port=samples
#pragma HLS INTERFACE mode=s_axilite port=reset
#pragma HLS INTERFACE mode=s_axilite port=stats
#pragma HLS INTERFACE mode=s_axilite port=return
#pragma HLS array_partition variable=samples type=cyclic factor=2 dim=1
    static ap_int<32> run_total = 0;
    static ap_uint<16> run_count = 0;
    static acc_sample_t run_min = 32767;
    static acc_sample_t run_max = -32768;

    if (reset) {
        run_total = 0;
        run_count = 0;
        run_min = 32767;
        run_max = -32768;
    }

    ap_int<20> block_sum = 0;
block_loop:
    for (int i = 0; i < ACC_BLOCK; i++) {
#pragma HLS pipeline II=1
        acc_sample_t s = samples[i];
        block_sum += s;
        if (s < run_min) run_min = s;
        if (s > run_max) run_max = s;
    }
    run_total += block_sum;
    run_count += ACC_BLOCK;

    stats.total = run_total;
    stats.count = run_count;
    stats.min_v = run_min;
    stats.max_v = run_max;
    stats.block_avg = (acc_sample_t)(block_sum >> ACC_BLOCK_LOG2);
}
