// 16-tap FIR filter over a block of samples: a shift register of taps, coefficients in a ROM.
#include "ap_int.h"

#define TAPS 16
#define LEN 64

typedef ap_int<16> sample_t;
typedef ap_int<40> acc_t;

static const sample_t coeff[TAPS] = {3, -7, 12, -18, 25, -31, 36, 40,
                                     40, 36, -31, 25, -18, 12, -7, 3};

void fir_filter(const sample_t in[LEN], sample_t out[LEN], int shift) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=64
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1 depth=64
#pragma HLS INTERFACE s_axilite port=shift
#pragma HLS INTERFACE s_axilite port=return
    sample_t taps[TAPS];
#pragma HLS ARRAY_PARTITION variable=taps type=complete dim=1

    for (int t = 0; t < TAPS; t++) {
#pragma HLS UNROLL
        taps[t] = 0;
    }

sample_loop:
    for (int n = 0; n < LEN; n++) {
#pragma HLS PIPELINE II=1
        acc_t acc = 0;
    shift_loop:
        for (int t = TAPS - 1; t > 0; t--) {
#pragma HLS UNROLL
            taps[t] = taps[t - 1];
        }
        taps[0] = in[n];
    mac_loop:
        for (int t = 0; t < TAPS; t++) {
#pragma HLS UNROLL
            acc += taps[t] * coeff[t];
        }
        out[n] = (sample_t)(acc >> shift);
    }
}
