// accumulator_state_tb.cpp - each case resets the block, then feeds several
// blocks and checks the statistics after every call.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "accumulator_state.h"

static uint32_t seed;
static int rnd(int lo, int hi) {
    seed = seed * 1664525u + 1013904223u;
    return lo + (int)((seed >> 8) % (uint32_t)(hi - lo + 1));
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 4; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 123u + 456u * (uint32_t)c;
        long long tot = 0;
        int cnt = 0, mn = 32767, mx = -32768;
        int blocks = 3 + c;
        for (int b = 0; b < blocks; b++) {
            acc_sample_t in[ACC_BLOCK + 2];
            int raw[ACC_BLOCK];
            int bsum = 0;
            for (int i = 0; i < ACC_BLOCK + 2; i++) {
                int v;
                if (c == 0) v = rnd(-32768, 32767);
                else if (c == 1) v = rnd(100, 900);        // all positive
                else if (c == 2) v = rnd(-900, -100);      // all negative
                else v = (b & 1) ? 32767 : -32768;
                if (i < ACC_BLOCK) raw[i] = v;
                in[i] = (i < ACC_BLOCK) ? v : 30000;
            }
            for (int i = 0; i < ACC_BLOCK; i++) {
                bsum += raw[i];
                if (raw[i] < mn) mn = raw[i];
                if (raw[i] > mx) mx = raw[i];
            }
            tot += bsum;
            cnt += ACC_BLOCK;
            acc_stats_t st;
            accumulator_state(in, b == 0, st);
            int avg = bsum >> 3;
            printf("case %d block %d: total %d count %d min %d max %d avg %d\n", c, b,
                   st.total.to_int(), st.count.to_int(), st.min_v.to_int(), st.max_v.to_int(),
                   st.block_avg.to_int());
            if (st.total.to_int() != (int)tot || st.count.to_int() != cnt || st.min_v.to_int() != mn ||
                st.max_v.to_int() != mx || st.block_avg.to_int() != avg) {
                printf("  MISMATCH expected total %d count %d min %d max %d avg %d\n", (int)tot, cnt, mn,
                       mx, avg);
                errors++;
            }
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
