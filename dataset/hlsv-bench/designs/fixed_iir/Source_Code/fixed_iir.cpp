// fixed_iir.cpp - biquad with static delay lines (state kept across calls).
#include "fixed_iir.h"

void fixed_iir(hls::stream<iir_sample_t>& in, hls::stream<iir_sample_t>& out,
               const iir_coef_t b[IIR_ORDER + 1], const iir_coef_t a[IIR_ORDER + 1], int n,
               bool reset) {
#pragma HLS INTERFACE ap_fifo port=in
#pragma HLS INTERFACE ap_fifo port=out
#pragma HLS INTERFACE bram port=b
#pragma HLS INTERFACE bram port=a
#pragma HLS INTERFACE s_axilite port=n
#pragma HLS INTERFACE s_axilite port=reset
#pragma HLS INTERFACE s_axilite port=return
    static iir_sample_t x_hist[IIR_ORDER + 1];
    static iir_sample_t y_hist[IIR_ORDER + 1];
#pragma HLS array_partition variable=x_hist complete dim=1
#pragma HLS array_partition variable=y_hist complete dim=1
    iir_coef_t b_loc[IIR_ORDER + 1];
    iir_coef_t a_loc[IIR_ORDER + 1];
#pragma HLS array_partition variable=b_loc complete dim=1
#pragma HLS array_partition variable=a_loc complete dim=1

load_coef:
    for (int k = 0; k <= IIR_ORDER; k++) {
#pragma HLS pipeline II=1
        b_loc[k] = b[k];
        a_loc[k] = a[k];
    }

    if (reset) {
    clear_loop:
        for (int k = 0; k <= IIR_ORDER; k++) {
#pragma HLS unroll
            x_hist[k] = 0;
            y_hist[k] = 0;
        }
    }

sample_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=1 max=128
#pragma HLS pipeline II=1
    shift_loop:
        for (int k = IIR_ORDER; k > 0; k--) {
#pragma HLS unroll
            x_hist[k] = x_hist[k - 1];
            y_hist[k] = y_hist[k - 1];
        }
        x_hist[0] = in.read();

        iir_acc_t acc = 0;
    ff_loop:
        for (int k = 0; k <= IIR_ORDER; k++) {
#pragma HLS unroll
            acc += b_loc[k] * x_hist[k];
        }
    fb_loop:
        for (int k = 1; k <= IIR_ORDER; k++) {
#pragma HLS unroll
            acc -= a_loc[k] * y_hist[k];
        }
        iir_sample_t y = acc;  // rounds and saturates
        y_hist[0] = y;
        out.write(y);
    }
}
