// histogram_tb.cpp - self-checking testbench for histogram.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "histogram.h"

static uint32_t seed;
static uint32_t lcg() {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 16;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    const int lengths[5] = {256, 100, 37, 1, 200};
    for (int c = 0; c < 5; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 2024u + (uint32_t)c * 17u;
        int n = lengths[c];
        static hval_t data[HIST_MAX_N + 4];
        int raw[HIST_MAX_N];
        for (int i = 0; i < HIST_MAX_N + 4; i++) {
            int v;
            if (c == 1) v = 40 + (int)(lcg() % 150);      // narrow range
            else if (c == 4) v = (i / 9) * 17 % 256;      // long runs of equal bins
            else v = (int)(lcg() & 0xFF);
            if (c == 3) v = 0x80;
            if (i < HIST_MAX_N) raw[i] = v;
            data[i] = (i < n) ? v : 0x77;
        }
        hcount_t hist[HIST_BINS + 2];
        for (int b = 0; b < HIST_BINS + 2; b++) hist[b] = 999;
        hval_t mn = 0, mx = 0;
        histogram(data, n, hist, mn, mx);
        int ref[HIST_BINS] = {0};
        int rmin = 255, rmax = 0;
        for (int i = 0; i < n; i++) {
            ref[raw[i] >> 4]++;
            if (raw[i] < rmin) rmin = raw[i];
            if (raw[i] > rmax) rmax = raw[i];
        }
        for (int b = 0; b < HIST_BINS; b++) {
            printf("case %d bin %d = %d\n", c, b, hist[b].to_int());
            if (hist[b].to_int() != ref[b]) {
                printf("  MISMATCH expected %d\n", ref[b]);
                errors++;
            }
        }
        printf("case %d min %d max %d\n", c, mn.to_int(), mx.to_int());
        if (mn.to_int() != rmin || mx.to_int() != rmax) {
            printf("  MISMATCH expected min %d max %d\n", rmin, rmax);
            errors++;
        }
        if (hist[HIST_BINS].to_int() != 999 || hist[HIST_BINS + 1].to_int() != 999) {
            printf("case %d guard overwritten\n", c);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
