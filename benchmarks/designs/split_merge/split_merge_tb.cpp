// split_merge_tb.cpp - reference model of the fork/join graph.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "ap_int.h"
#include "hls_stream.h"

#define SM_PAIRS 32
void split_merge(hls::stream<ap_int<12>>& in, hls::stream<ap_int<24>>& out);

static uint32_t seed;
static int rnd12() {
    seed = seed * 1664525u + 1013904223u;
    return (int)((seed >> 20) & 0xFFF) - 2048;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 4; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 314159u + 2u * (uint32_t)c;
        int x[2 * SM_PAIRS];
        hls::stream<ap_int<12>> in;
        hls::stream<ap_int<24>> out;
        for (int i = 0; i < 2 * SM_PAIRS; i++) {
            x[i] = rnd12();
            if (c == 1) x[i] = (i & 2) ? 2047 : -2048;
            if (c == 2) x[i] = i - SM_PAIRS;
            in.write(x[i]);
        }
        split_merge(in, out);
        printf("case %d:", c);
        int prev = 0;
        for (int p = 0; p < SM_PAIRS; p++) {
            int e0 = (3 * x[2 * p] + prev) >> 2;
            prev = x[2 * p];
            int e1 = x[2 * p + 1] * x[2 * p + 1] - 7;
            if (out.empty()) {
                errors++;
                break;
            }
            int g0 = out.read().to_int();
            int g1 = out.empty() ? -1 : out.read().to_int();
            printf(" %d %d", g0, g1);
            if (g0 != e0 || g1 != e1) errors++;
        }
        printf("\n");
        if (!out.empty() || !in.empty()) {
            printf("case %d: stream sizes wrong\n", c);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
