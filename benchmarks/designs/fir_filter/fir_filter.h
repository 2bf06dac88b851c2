// fir_filter.h - 16-tap Q15 FIR filter shared by design and testbench.
#ifndef FIR_FILTER_H
#define FIR_FILTER_H

#include "ap_int.h"

#define FIR_TAPS 16
#define FIR_MAX_LEN 64

typedef ap_int<16> sample_t;
typedef ap_int<16> coef_t;
typedef ap_int<40> acc_t;

void fir_filter(const sample_t in[FIR_MAX_LEN], sample_t out[FIR_MAX_LEN],
                const coef_t coef[FIR_TAPS], int n);

#endif
