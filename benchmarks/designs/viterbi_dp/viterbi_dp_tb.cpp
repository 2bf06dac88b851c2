// viterbi_dp_tb.cpp - exhaustive-free reference Viterbi with full tables.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "viterbi_dp.h"

static uint32_t seed;
static int rnd(int n) {
    seed = seed * 1664525u + 1013904223u;
    return (int)((seed >> 11) % (uint32_t)n);
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 5; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 8675309u + (uint32_t)c * 313u;
        int tr_i[VT_STATES][VT_STATES], em_i[VT_STATES][VT_SYMBOLS], ob_i[VT_STEPS];
        ap_uint<2> obs[VT_STEPS];
        cost_t trans[VT_STATES][VT_STATES], emit[VT_STATES][VT_SYMBOLS];
        state_t path[VT_STEPS + 1];
        for (int p = 0; p < VT_STATES; p++)
            for (int s = 0; s < VT_STATES; s++) {
                tr_i[p][s] = (p == s) ? 1 + rnd(3) : 4 + rnd(12);
                trans[p][s] = tr_i[p][s];
            }
        for (int s = 0; s < VT_STATES; s++)
            for (int o = 0; o < VT_SYMBOLS; o++) {
                em_i[s][o] = (s == o) ? rnd(2) : 3 + rnd(9);
                if (c == 4) em_i[s][o] = 5;  // uninformative emissions
                emit[s][o] = em_i[s][o];
            }
        for (int t = 0; t < VT_STEPS; t++) {
            ob_i[t] = (c == 0) ? (t / 4) % 4 : (c == 1) ? 3 - (t % 4) : rnd(4);
            obs[t] = ob_i[t];
        }
        path[VT_STEPS] = 2;
        cost_t cost = 0;
        viterbi_dp(obs, trans, emit, path, cost);

        // reference
        int m[VT_STEPS][VT_STATES], bp[VT_STEPS][VT_STATES];
        for (int s = 0; s < VT_STATES; s++) m[0][s] = (s == 0 ? 0 : VT_INF_COST) + em_i[s][ob_i[0]];
        for (int t = 1; t < VT_STEPS; t++)
            for (int s = 0; s < VT_STATES; s++) {
                int best = 1 << 30, arg = 0;
                for (int p = 0; p < VT_STATES; p++)
                    if (m[t - 1][p] + tr_i[p][s] < best) {
                        best = m[t - 1][p] + tr_i[p][s];
                        arg = p;
                    }
                m[t][s] = best + em_i[s][ob_i[t]];
                bp[t][s] = arg;
            }
        int fs = 0;
        for (int s = 1; s < VT_STATES; s++)
            if (m[VT_STEPS - 1][s] < m[VT_STEPS - 1][fs]) fs = s;
        int ref_path[VT_STEPS];
        int ref_cost = m[VT_STEPS - 1][fs];
        for (int t = VT_STEPS - 1; t >= 0; t--) {
            ref_path[t] = fs;
            if (t > 0) fs = bp[t][fs];
        }
        printf("case %d cost %d path", c, cost.to_int());
        for (int t = 0; t < VT_STEPS; t++) {
            printf(" %d", path[t].to_int());
            if (path[t].to_int() != ref_path[t]) errors++;
        }
        printf("\n");
        if (cost.to_int() != ref_cost || path[VT_STEPS].to_int() != 2) {
            printf("  MISMATCH expected cost %d\n", ref_cost);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
