// fir_filter_tb.cpp - self-checking testbench for fir_filter.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "fir_filter.h"

static uint32_t lcg_state = 1;
static uint32_t lcg_next() {
    lcg_state = lcg_state * 1664525u + 1013904223u;
    return lcg_state >> 8;
}

static const int NUM_CASES = 4;
static const int GUARD = 4;

int main() {
    const char* sel_env = getenv("HLSV_CASE");
    int sel = sel_env ? atoi(sel_env) : -1;
    int errors = 0;
    // low-pass-ish symmetric taps, sum of |c| < 32768 so the output never wraps
    const int base_taps[FIR_TAPS] = {-310, -520, 140,  980,  2100, 3400, 4300, 4700,
                                     4700, 4300, 3400, 2100, 980,  140,  -520, -310};
    for (int c = 0; c < NUM_CASES; c++) {
        if (sel >= 0 && c != sel) continue;
        lcg_state = 0x1234u + 977u * (uint32_t)c;
        int n = (c == 0) ? FIR_MAX_LEN : 20 + 13 * c;
        sample_t in[FIR_MAX_LEN + GUARD];
        sample_t out[FIR_MAX_LEN + GUARD];
        coef_t coef[FIR_TAPS + GUARD];
        int in_i[FIR_MAX_LEN];
        for (int i = 0; i < FIR_MAX_LEN + GUARD; i++) {
            int v = (int)(lcg_next() & 0xFFFF) - 32768;
            if (c == 1 && i % 7 == 0) v = 32767;
            if (c == 2 && i % 5 == 0) v = -32768;
            if (i < FIR_MAX_LEN) in_i[i] = v;
            in[i] = v;
            out[i] = 0x5A5A;
        }
        for (int t = 0; t < FIR_TAPS + GUARD; t++) {
            int v = t < FIR_TAPS ? base_taps[t] : 0x3333;
            if (c == 3 && t < FIR_TAPS && (t & 1)) v = -v;
            coef[t] = v;
        }
        fir_filter(in, out, coef, n);
        uint32_t sum = 0;
        for (int i = 0; i < n; i++) {
            int64_t acc = 0;
            for (int t = 0; t < FIR_TAPS; t++) {
                int x = (i - t >= 0) ? in_i[i - t] : 0;
                acc += (int64_t)x * coef[t].to_int();
            }
            int expect = (int16_t)((acc + (1 << 14)) >> 15);
            int got = out[i].to_int();
            printf("case %d out[%d] = %d\n", c, i, got);
            if (got != expect) {
                errors++;
                printf("  MISMATCH expected %d\n", expect);
            }
            sum = sum * 31u + (uint32_t)got;
        }
        for (int i = n; i < FIR_MAX_LEN + GUARD; i++) {
            if (out[i].to_int() != 0x5A5A) {
                errors++;
                printf("case %d guard out[%d] overwritten\n", c, i);
            }
        }
        printf("case %d checksum %08x\n", c, (unsigned)sum);
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
