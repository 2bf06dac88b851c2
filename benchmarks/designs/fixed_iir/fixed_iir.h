// fixed_iir.h - second-order IIR (biquad) section in ap_fixed arithmetic.
#ifndef FIXED_IIR_H
#define FIXED_IIR_H

#include "ap_fixed.h"
#include "hls_stream.h"

#define IIR_ORDER 2
#define IIR_MAX_N 128

typedef ap_fixed<16, 2, AP_RND, AP_SAT> iir_sample_t;  // stream samples, [-2, 2)
typedef ap_fixed<18, 3> iir_coef_t;                    // coefficients, [-4, 4)
typedef ap_fixed<40, 8> iir_acc_t;                     // accumulator (exact products)

// Direct form I: y[n] = sum_k b[k] x[n-k] - sum_{k>=1} a[k] y[n-k].
// b and a hold IIR_ORDER+1 coefficients each (a[0] is implicitly 1 and unused).
// The filter state persists across calls; reset clears it first.
void fixed_iir(hls::stream<iir_sample_t>& in, hls::stream<iir_sample_t>& out,
               const iir_coef_t b[IIR_ORDER + 1], const iir_coef_t a[IIR_ORDER + 1], int n,
               bool reset);

#endif
