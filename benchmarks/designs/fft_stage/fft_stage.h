// fft_stage.h - one radix-2 decimation-in-time stage of a 16-point FFT.
#ifndef FFT_STAGE_H
#define FFT_STAGE_H

#include "ap_int.h"

#define FFT_N 16
#define FFT_LOG2N 4
#define FFT_HALF (FFT_N / 2)

typedef ap_int<16> q15_t;

// stage s (0..3) combines butterflies with span 2^s; the caller is expected to
// feed bit-reversed input to stage 0. Each stage scales by 1/2.
void fft_stage(const q15_t in_re[FFT_N], const q15_t in_im[FFT_N], q15_t out_re[FFT_N],
               q15_t out_im[FFT_N], int stage);

#endif
