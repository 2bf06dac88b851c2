// viterbi_dp.cpp - forward pass keeps two path-metric vectors (the previous
// and current step), the backpointers are stored per step for the traceback.
#include "viterbi_dp.h"

void viterbi_dp(const ap_uint<2> obs[VT_STEPS], const cost_t trans[VT_STATES][VT_STATES],
                const cost_t emit[VT_STATES][VT_SYMBOLS], state_t path[VT_STEPS],
                cost_t& best_cost) {
#pragma HLS INTERFACE mode=bram port=obs
#pragma HLS INTERFACE mode=bram port=trans
#pragma HLS INTERFACE mode=bram port=emit
#pragma HLS INTERFACE mode=m_axi port=path offset=slave bundle=gmem depth=16
#pragma HLS INTERFACE mode=s_axilite port=best_cost
#pragma HLS INTERFACE mode=s_axilite port=return
    cost_t metric[2][VT_STATES];
    state_t back[VT_STEPS][VT_STATES];
    cost_t tr[VT_STATES][VT_STATES];
#pragma HLS array_partition variable=metric complete dim=0
#pragma HLS array_partition variable=tr complete dim=1
#pragma HLS array_partition variable=back type=complete dim=2

copy_p:
    for (int p = 0; p < VT_STATES; p++) {
    copy_s:
        for (int s = 0; s < VT_STATES; s++) {
#pragma HLS pipeline II=1
            tr[p][s] = trans[p][s];
        }
    }

init_metric:
    for (int s = 0; s < VT_STATES; s++) {
#pragma HLS unroll
        metric[0][s] = (s == 0) ? cost_t(0) : cost_t(VT_INF_COST);
        metric[0][s] += emit[s][obs[0]];
        back[0][s] = 0;
    }

    int cur = 0;
step_loop:
    for (int t = 1; t < VT_STEPS; t++) {
        int nxt = 1 - cur;
    state_loop:
        for (int s = 0; s < VT_STATES; s++) {
#pragma HLS pipeline II=1
            cost_t best = 0xFFFF;
            state_t arg = 0;
        prev_loop:
            for (int p = 0; p < VT_STATES; p++) {
#pragma HLS unroll
                cost_t cand = metric[cur][p] + tr[p][s];
                if (cand < best) {
                    best = cand;
                    arg = p;
                }
            }
            metric[nxt][s] = best + emit[s][obs[t]];
            back[t][s] = arg;
        }
        cur = nxt;
    }

    cost_t final_best = 0xFFFF;
    state_t final_state = 0;
final_loop:
    for (int s = 0; s < VT_STATES; s++) {
#pragma HLS pipeline II=1
        if (metric[cur][s] < final_best) {
            final_best = metric[cur][s];
            final_state = s;
        }
    }

    state_t st = final_state;
trace_loop:
    for (int t = VT_STEPS - 1; t >= 0; t--) {
#pragma HLS pipeline II=1
        path[t] = st;
        st = back[t][st];
    }
    best_cost = final_best;
}
