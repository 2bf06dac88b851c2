// dot_unrolled_tb.cpp - compares with a straightforward int dot product.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "dot_unrolled.h"

namespace {
uint32_t seed;
int rnd8() {
    seed = seed * 1664525u + 1013904223u;
    return (int)((seed >> 20) & 0xFF) - 128;
}
struct Inputs {
    dot_in_t a[DOT_BATCH + 1][DOT_LEN];  // last row is a guard
    dot_in_t w[DOT_LEN + 4];
};
}  // namespace

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 4; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 31u * (uint32_t)c + 5u;
        static Inputs in;
        int av[DOT_BATCH][DOT_LEN], wv[DOT_LEN];
        for (int i = 0; i < DOT_LEN + 4; i++) {
            int v = (c == 1) ? -128 : rnd8();
            if (c == 3) v = (i % 5) - 2;
            if (i < DOT_LEN) wv[i] = v;
            in.w[i] = v;
        }
        for (int b = 0; b < DOT_BATCH + 1; b++)
            for (int i = 0; i < DOT_LEN; i++) {
                int v = rnd8();
                if (c == 1) v = (b & 1) ? -128 : 127;
                if (c == 2) v = (i == b) ? 100 : 0;   // one-hot rows
                if (b < DOT_BATCH) av[b][i] = v;
                in.a[b][i] = v;
            }
        dot_out_t res[DOT_BATCH + 1];
        res[DOT_BATCH] = 4321;
        dot_unrolled(in.a, in.w, res);
        for (int b = 0; b < DOT_BATCH; b++) {
            int e = 0;
            for (int i = 0; i < DOT_LEN; i++) e += av[b][i] * wv[i];
            printf("case %d res[%d] = %d\n", c, b, res[b].to_int());
            if (res[b].to_int() != e) {
                printf("  MISMATCH expected %d\n", e);
                errors++;
            }
        }
        if (res[DOT_BATCH].to_int() != 4321) {
            printf("case %d guard overwritten\n", c);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
