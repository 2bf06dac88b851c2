// sign_extend_mac_tb.cpp - integer reference model for sign_extend_mac.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "sign_extend_mac.h"

static uint32_t seed;
static uint32_t rnd() {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 5; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 0xBEEFu + 17u * (uint32_t)c;
        int xv[SX_IN], wv[SX_OUT][SX_IN], bv[SX_OUT];
        act_t x[SX_IN];
        wpack_t w[SX_OUT][SX_PACKED];
        qbias_t bias[SX_OUT];
        qout_t y[SX_OUT];
        for (int i = 0; i < SX_IN; i++) {
            xv[i] = (int)(rnd() & 0xFF);
            if (c == 1) xv[i] = 255;
            if (c == 2) xv[i] = 0;
            x[i] = xv[i];
        }
        for (int o = 0; o < SX_OUT; o++) {
            bv[o] = (int)(rnd() % 2001) - 1000;
            if (c == 3) bv[o] = 0;
            bias[o] = bv[o];
            for (int i = 0; i < SX_IN; i++) {
                int v = (int)(rnd() & 0xF) - 8;
                if (c == 4) v = (i & 1) ? -8 : 7;
                if (c == 3) v = (o & 1) ? -1 : 1;
                wv[o][i] = v;
            }
            for (int p = 0; p < SX_PACKED; p++)
                w[o][p] = (unsigned)((wv[o][2 * p] & 0xF) | ((wv[o][2 * p + 1] & 0xF) << 4));
        }
        sign_extend_mac(x, w, bias, y);
        printf("case %d:", c);
        for (int o = 0; o < SX_OUT; o++) {
            int acc = bv[o];
            for (int i = 0; i < SX_IN; i++) acc += (xv[i] - SX_ZERO_POINT) * wv[o][i];
            int s = (acc * SX_MULT) >> SX_SHIFT;
            if (s > 127) s = 127;
            if (s < -128) s = -128;
            printf(" %d", y[o].to_int());
            if (y[o].to_int() != s) errors++;
        }
        printf("\n");
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
