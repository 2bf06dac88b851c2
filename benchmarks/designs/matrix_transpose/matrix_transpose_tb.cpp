// matrix_transpose_tb.cpp - checks the transposed tiles and parity words.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "matrix_transpose.h"

static uint32_t seed;
static uint32_t rnd() {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 16;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 3; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 42u + 42u * (uint32_t)c;
        static tword_t in[TR_BATCH * TR_TILE + 4], out[TR_BATCH * TR_TILE + 4];
        tword_t par[TR_BATCH + 1];
        static unsigned iv[TR_BATCH * TR_TILE];
        for (int i = 0; i < TR_BATCH * TR_TILE + 4; i++) {
            unsigned v = (c == 0) ? (unsigned)i : (unsigned)(rnd() & 0xFFFF);
            if (i < TR_BATCH * TR_TILE) iv[i] = v;
            in[i] = v;
            out[i] = 0xEEEE;
        }
        par[TR_BATCH] = 0xABCD;
        matrix_transpose(in, out, par);
        for (int t = 0; t < TR_BATCH; t++) {
            unsigned p = 0;
            printf("case %d tile %d:", c, t);
            for (int r = 0; r < TR_COLS; r++)
                for (int k = 0; k < TR_ROWS; k++) {
                    unsigned e = iv[t * TR_TILE + k * TR_COLS + r];
                    unsigned g = out[t * TR_TILE + r * TR_ROWS + k].to_uint();
                    p ^= e;
                    printf(" %x", g);
                    if (g != e) errors++;
                }
            printf("\ncase %d tile %d parity %04x\n", c, t, (unsigned)par[t].to_uint());
            if (par[t].to_uint() != p) errors++;
        }
        if (par[TR_BATCH].to_uint() != 0xABCD || out[TR_BATCH * TR_TILE].to_uint() != 0xEEEE) {
            printf("case %d guard overwritten\n", c);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
