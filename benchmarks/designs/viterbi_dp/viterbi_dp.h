// viterbi_dp.h - min-cost Viterbi decoding of a 4-state HMM over 16 steps.
#ifndef VITERBI_DP_H
#define VITERBI_DP_H

#include "ap_int.h"

#define VT_STATES 4
#define VT_SYMBOLS 4
#define VT_STEPS 16
#define VT_INF_COST 0x3FFF

typedef ap_uint<16> cost_t;
typedef ap_uint<2> state_t;

// trans[p][s]: cost of moving p -> s; emit[s][o]: cost of state s emitting o.
// Writes the most likely state path and returns its total cost.
void viterbi_dp(const ap_uint<2> obs[VT_STEPS], const cost_t trans[VT_STATES][VT_STATES],
                const cost_t emit[VT_STATES][VT_SYMBOLS], state_t path[VT_STEPS],
                cost_t& best_cost);

#endif
