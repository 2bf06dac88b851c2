// fixed_iir_tb.cpp - checks fixed_iir against a bit-accurate model written with
// plain integers (Q-format arithmetic) and against a double-precision filter.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cmath>
#include "fixed_iir.h"

// Coefficients quantized to ap_fixed<18,3> (15 fractional bits, truncation).
static int64_t q15(double v) { return (int64_t)std::floor(v * 32768.0); }

// sample: ap_fixed<16,2> -> 14 fractional bits, range [-32768, 32767] raw.
static int16_t to_sample_raw(int64_t acc_q29) {
    // acc has 29 fractional bits (14 + 15); AP_RND rounds half up, then saturate
    int64_t r = (acc_q29 + (1LL << 14)) >> 15;
    if (r > 32767) r = 32767;
    if (r < -32768) r = -32768;
    return (int16_t)r;
}

static uint32_t seed;
static int rnd_raw(int range) {
    seed = seed * 1664525u + 1013904223u;
    return (int)((seed >> 9) % (uint32_t)(2 * range + 1)) - range;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    const int64_t b[3] = {q15(0.0675), q15(0.1349), q15(0.0675)};
    const int64_t a[3] = {q15(1.0), q15(-1.1430), q15(0.4128)};
    const int lens[4] = {40, 64, 25, 100};
    for (int c = 0; c < 4; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 77u + 5u * (uint32_t)c;
        int n = lens[c];
        int xr[IIR_MAX_N];
        for (int i = 0; i < n; i++) {
            if (c == 0) xr[i] = (i < 20) ? 16384 : -16384;               // step of +-1.0
            else if (c == 1) xr[i] = rnd_raw(32768) ;                   // full-scale noise
            else if (c == 2) xr[i] = (i == 0) ? 32767 : 0;              // impulse
            else xr[i] = (i % 10 < 5) ? 32767 : -32768;                 // saturating square
            if (xr[i] > 32767) xr[i] = 32767;
        }
        // reference
        int64_t xh[3] = {0, 0, 0}, yh[3] = {0, 0, 0};
        int yref[IIR_MAX_N];
        for (int i = 0; i < n; i++) {
            xh[2] = xh[1]; xh[1] = xh[0]; xh[0] = xr[i];
            yh[2] = yh[1]; yh[1] = yh[0];
            int64_t acc = 0;
            for (int k = 0; k < 3; k++) acc += b[k] * xh[k];
            for (int k = 1; k < 3; k++) acc -= a[k] * yh[k];
            yh[0] = to_sample_raw(acc);
            yref[i] = (int)yh[0];
        }
        // the design is fed in two calls to exercise the persistent state
        hls::stream<iir_sample_t> sin, sout;
        for (int i = 0; i < n; i++) {
            iir_sample_t v = (double)xr[i] / 16384.0;
            sin.write(v);
        }
        // low-pass Butterworth-like section; the extra element is a guard
        iir_coef_t bc[IIR_ORDER + 2] = {0.0675, 0.1349, 0.0675, 0.5};
        iir_coef_t ac[IIR_ORDER + 2] = {1.0, -1.1430, 0.4128, 0.5};
        int first = n / 2;
        fixed_iir(sin, sout, bc, ac, first, true);
        fixed_iir(sin, sout, bc, ac, n - first, false);
        double dy1 = 0, dy2 = 0, dx1 = 0, dx2 = 0, max_err = 0;
        for (int i = 0; i < n; i++) {
            if (sout.empty()) {
                printf("case %d: output stream too short\n", c);
                errors++;
                break;
            }
            iir_sample_t y = sout.read();
            int raw = (int)std::lround(y.to_double() * 16384.0);
            printf("case %d y[%d] = %.6f\n", c, i, y.to_double());
            if (raw != yref[i]) {
                if (errors < 5) printf("  MISMATCH expected %.6f\n", yref[i] / 16384.0);
                errors++;
            }
            double x = xr[i] / 16384.0;
            double yd = 0.0675 * x + 0.1349 * dx1 + 0.0675 * dx2 + 1.1430 * dy1 - 0.4128 * dy2;
            dx2 = dx1; dx1 = x; dy2 = dy1; dy1 = yd;
            double e = std::fabs(yd - y.to_double());
            if (yd > -2 && yd < 2 && e > max_err) max_err = e;
        }
        printf("case %d max error vs double %s\n", c, max_err < 0.01 ? "ok" : "LARGE");
        if (!sout.empty() || !sin.empty()) errors++;
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
