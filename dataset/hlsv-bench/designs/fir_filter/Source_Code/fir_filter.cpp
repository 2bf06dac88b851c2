// fir_filter.cpp - direct-form FIR with a fully partitioned shift register.
// Coefficients are Q15; the accumulator is rounded and scaled back to Q15.
#include "fir_filter.h"

void fir_filter(const sample_t in[FIR_MAX_LEN], sample_t out[FIR_MAX_LEN],
                const coef_t coef[FIR_TAPS], int n) {
#pragma HLS interface mode=m_axi port=in offset=slave bundle=gmem depth=64
#pragma HLS interface mode=m_axi port=out offset=slave bundle=gmem depth=64
#pragma HLS interface mode=bram port=coef
#pragma HLS interface mode=s_axilite port=n
#pragma HLS interface mode=s_axilite port=return

    sample_t shift_reg[FIR_TAPS];
    coef_t taps[FIR_TAPS];
#pragma HLS array_partition variable=shift_reg complete dim=1
#pragma HLS array_partition variable=taps type=cyclic factor=4 dim=1

load_taps:
    for (int t = 0; t < FIR_TAPS; t++) {
#pragma HLS pipeline II=1
        shift_reg[t] = 0;
        taps[t] = coef[t];
    }

sample_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=1 max=64
#pragma HLS pipeline II=1
        acc_t acc = 0;
    shift_loop:
        for (int t = FIR_TAPS - 1; t > 0; t--) {
#pragma HLS unroll
            shift_reg[t] = shift_reg[t - 1];
        }
        shift_reg[0] = in[i];
    mac_loop:
        for (int t = 0; t < FIR_TAPS; t++) {
#pragma HLS unroll factor=4
            acc += shift_reg[t] * taps[t];
        }
        acc_t rounded = acc + (1 << 14);
        out[i] = (sample_t)(rounded >> 15);
    }
}
