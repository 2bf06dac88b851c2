// fft_stage.cpp - radix-2 butterflies in Q15 fixed point with a quarter of
// the twiddle table per stage. t = W * x[bot]; top' = (x[top]+t)/2,
// bot' = (x[top]-t)/2.
#include "fft_stage.h"

// W_k = exp(-2*pi*i*k/16) in Q15, k = 0..7
static const q15_t TW_RE[FFT_HALF] = {32767, 30273, 23170, 12539, 0, -12539, -23170, -30273};
static const q15_t TW_IM[FFT_HALF] = {0, -12539, -23170, -30273, -32767, -30273, -23170, -12539};

void fft_stage(const q15_t in_re[FFT_N], const q15_t in_im[FFT_N], q15_t out_re[FFT_N],
               q15_t out_im[FFT_N], int stage) {
#pragma HLS INTERFACE bram port=in_re
#pragma HLS INTERFACE bram port=in_im
#pragma HLS INTERFACE bram port=out_re
#pragma HLS INTERFACE bram port=out_im
#pragma HLS INTERFACE s_axilite port=stage
#pragma HLS INTERFACE s_axilite port=return
#pragma HLS array_partition variable=in_re cyclic factor=4 dim=1
#pragma HLS array_partition variable=in_im cyclic factor=4 dim=1

    const int span = 1 << stage;
    const int tw_shift = FFT_LOG2N - 1 - stage;

bfly_loop:
    for (int b = 0; b < FFT_HALF; b++) {
#pragma HLS unroll factor=4
        int pos = b & (span - 1);
        int group = b >> stage;
        int top = (group << (stage + 1)) + pos;
        int bot = top + span;
        int k = pos << tw_shift;

        ap_int<32> br = in_re[bot], bi = in_im[bot];
        ap_int<32> tr = (br * TW_RE[k] - bi * TW_IM[k]) >> 15;
        ap_int<32> ti = (br * TW_IM[k] + bi * TW_RE[k]) >> 15;

        ap_int<18> xr = in_re[top], xi = in_im[top];
        out_re[top] = (q15_t)((xr + tr) >> 1);
        out_im[top] = (q15_t)((xi + ti) >> 1);
        out_re[bot] = (q15_t)((xr - tr) >> 1);
        out_im[bot] = (q15_t)((xi - ti) >> 1);
    }
}
