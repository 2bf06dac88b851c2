// stencil_2d_tb.cpp - reference Jacobi sweeps in plain int arithmetic.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "ap_int.h"

const int SH = 10;
const int SW = 12;
const int SWEEPS = 3;
typedef ap_int<16> cell_t;
void stencil_2d(const cell_t in[SH][SW], cell_t out[SH][SW]);

static uint32_t seed;
static int rnd(int range) {
    seed = seed * 22695477u + 1u;
    return (int)((seed >> 8) % (uint32_t)(2 * range + 1)) - range;
}

struct Frame {
    cell_t g[SH + 1][SW];  // row SH is a guard
};

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 4; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 4321u + 77u * (uint32_t)c;
        static Frame in, out;
        int a[SH][SW], b[SH][SW];
        for (int r = 0; r < SH + 1; r++)
            for (int k = 0; k < SW; k++) {
                int v;
                if (c == 0) v = (r == SH / 2 && k == SW / 2) ? 8000 : 0;   // point source
                else if (c == 1) v = (k < SW / 2) ? -20000 : 20000;        // step edge
                else v = rnd(c == 2 ? 32767 : 300);
                if (r < SH) a[r][k] = v;
                in.g[r][k] = v;
                out.g[r][k] = 777;
            }
        for (int t = 0; t < SWEEPS; t++) {
            for (int r = 0; r < SH; r++)
                for (int k = 0; k < SW; k++) b[r][k] = a[r][k];
            for (int r = 1; r < SH - 1; r++)
                for (int k = 1; k < SW - 1; k++)
                    b[r][k] = (4 * a[r][k] + a[r - 1][k] + a[r + 1][k] + a[r][k - 1] + a[r][k + 1]) >> 3;
            for (int r = 0; r < SH; r++)
                for (int k = 0; k < SW; k++) a[r][k] = b[r][k];
        }
        stencil_2d(in.g, out.g);
        for (int r = 0; r < SH; r++) {
            printf("case %d row %d:", c, r);
            for (int k = 0; k < SW; k++) {
                printf(" %d", out.g[r][k].to_int());
                if (out.g[r][k].to_int() != a[r][k]) errors++;
            }
            printf("\n");
        }
        for (int k = 0; k < SW; k++)
            if (out.g[SH][k].to_int() != 777) {
                errors++;
                printf("case %d guard overwritten\n", c);
                break;
            }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
