// fft_stage_tb.cpp - runs the four stages of a 16-point FFT and compares each
// stage with an integer reference model.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "fft_stage.h"

static const int REF_TW_RE[FFT_HALF] = {32767, 30273, 23170, 12539, 0, -12539, -23170, -30273};
static const int REF_TW_IM[FFT_HALF] = {0, -12539, -23170, -30273, -32767, -30273, -23170, -12539};

static uint32_t seed;
static int rnd(int range) {
    seed = seed * 1664525u + 1013904223u;
    return (int)((seed >> 12) % (uint32_t)(2 * range + 1)) - range;
}

static int bitrev4(int x) {
    return ((x & 1) << 3) | ((x & 2) << 1) | ((x & 4) >> 1) | ((x & 8) >> 3);
}

static void ref_stage(const int* xr, const int* xi, int* yr, int* yi, int s) {
    int span = 1 << s;
    for (int b = 0; b < FFT_HALF; b++) {
        int pos = b % span;
        int top = (b / span) * 2 * span + pos;
        int bot = top + span;
        int k = pos * (FFT_HALF / span);
        int64_t tr = ((int64_t)xr[bot] * REF_TW_RE[k] - (int64_t)xi[bot] * REF_TW_IM[k]) >> 15;
        int64_t ti = ((int64_t)xr[bot] * REF_TW_IM[k] + (int64_t)xi[bot] * REF_TW_RE[k]) >> 15;
        yr[top] = (int16_t)((xr[top] + tr) >> 1);
        yi[top] = (int16_t)((xi[top] + ti) >> 1);
        yr[bot] = (int16_t)((xr[top] - tr) >> 1);
        yi[bot] = (int16_t)((xi[top] - ti) >> 1);
    }
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 4; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 555u + (uint32_t)c * 99u;
        int rr[FFT_N], ri[FFT_N];
        q15_t ar[FFT_N], ai[FFT_N], br[FFT_N + 2], bi[FFT_N + 2];
        for (int i = 0; i < FFT_N; i++) {
            int vr, vi;
            if (c == 0) { vr = (i == 3) ? 32000 : 0; vi = 0; }                 // impulse
            else if (c == 1) { vr = (i % 4 < 2) ? 20000 : -20000; vi = 0; }    // square wave
            else { vr = rnd(c == 2 ? 32767 : 3000); vi = rnd(c == 2 ? 32767 : 3000); }
            rr[bitrev4(i)] = vr;
            ri[bitrev4(i)] = vi;
        }
        for (int i = 0; i < FFT_N; i++) { ar[i] = rr[i]; ai[i] = ri[i]; }
        for (int s = 0; s < FFT_LOG2N; s++) {
            int yr[FFT_N], yi[FFT_N];
            ref_stage(rr, ri, yr, yi, s);
            br[FFT_N] = br[FFT_N + 1] = 0x1111;
            bi[FFT_N] = bi[FFT_N + 1] = 0x2222;
            fft_stage(ar, ai, br, bi, s);
            for (int i = 0; i < FFT_N; i++) {
                if (br[i].to_int() != yr[i] || bi[i].to_int() != yi[i]) errors++;
                rr[i] = yr[i];
                ri[i] = yi[i];
                ar[i] = br[i];
                ai[i] = bi[i];
            }
            if (br[FFT_N].to_int() != 0x1111 || bi[FFT_N + 1].to_int() != 0x2222) errors++;
            printf("case %d stage %d:", c, s);
            for (int i = 0; i < FFT_N; i++) printf(" (%d,%d)", br[i].to_int(), bi[i].to_int());
            printf("\n");
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
