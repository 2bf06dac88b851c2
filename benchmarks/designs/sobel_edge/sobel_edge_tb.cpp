// sobel_edge_tb.cpp - reference Sobel in plain ints.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "sobel_edge.h"

static uint32_t seed;
static int rnd8() {
    seed = seed * 1664525u + 1013904223u;
    return (int)(seed >> 24);
}

struct Frame {
    pix_t p[SB_H + 1][SB_W];  // last row: guard
};

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 4; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 77777u + 3u * (uint32_t)c;
        static Frame in, out;
        int img[SB_H][SB_W];
        for (int r = 0; r < SB_H + 1; r++)
            for (int k = 0; k < SB_W; k++) {
                int v = rnd8();
                if (c == 0) v = (k >= SB_W / 2) ? 250 : 5;             // vertical edge
                if (c == 1) v = ((r + k) & 1) ? 255 : 0;               // checkerboard
                if (c == 3) v = (r * 16 + k * 9) & 0xFF;               // ramp with wrap
                if (r < SB_H) img[r][k] = v;
                in.p[r][k] = v;
                out.p[r][k] = 0x3C;
            }
        int thr = 40 + 20 * c;
        int edges = -1;
        sobel_edge(in.p, out.p, pix_t(thr), edges);
        int eedges = 0;
        for (int r = 0; r < SB_H; r++) {
            printf("case %d row %d:", c, r);
            for (int k = 0; k < SB_W; k++) {
                int e = 0;
                if (r > 0 && k > 0 && r < SB_H - 1 && k < SB_W - 1) {
                    int gx = img[r - 1][k + 1] - img[r - 1][k - 1] + 2 * (img[r][k + 1] - img[r][k - 1]) +
                             img[r + 1][k + 1] - img[r + 1][k - 1];
                    int gy = img[r + 1][k - 1] - img[r - 1][k - 1] + 2 * (img[r + 1][k] - img[r - 1][k]) +
                             img[r + 1][k + 1] - img[r - 1][k + 1];
                    e = (abs(gx) + abs(gy)) >> 2;
                    if (e > 255) e = 255;
                    if (e > thr) eedges++;
                }
                printf(" %d", out.p[r][k].to_int());
                if (out.p[r][k].to_int() != e) errors++;
            }
            printf("\n");
        }
        printf("case %d edges %d\n", c, edges);
        if (edges != eedges) errors++;
        for (int k = 0; k < SB_W; k++)
            if (out.p[SB_H][k].to_int() != 0x3C) {
                printf("case %d guard overwritten\n", c);
                errors++;
                break;
            }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
