// accumulator_state.h - running statistics kept in static state across calls.
#ifndef ACCUMULATOR_STATE_H
#define ACCUMULATOR_STATE_H

#include "ap_int.h"

#define ACC_BLOCK 8
#define ACC_BLOCK_LOG2 3

typedef ap_int<16> acc_sample_t;

struct acc_stats_t {
    ap_int<32> total;       // sum of all samples since reset
    ap_uint<16> count;      // number of samples since reset
    acc_sample_t min_v;     // minimum since reset
    acc_sample_t max_v;     // maximum since reset
    acc_sample_t block_avg; // floor average of this call's block
};

void accumulator_state(const acc_sample_t samples[ACC_BLOCK], bool reset, acc_stats_t& stats);

#endif
