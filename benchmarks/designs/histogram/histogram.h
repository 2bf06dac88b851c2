// histogram.h - 16-bin histogram of 8-bit samples plus min/max tracking.
#ifndef HISTOGRAM_H
#define HISTOGRAM_H

#include "ap_int.h"

#define HIST_BINS 16
#define HIST_MAX_N 256
#define HIST_BIN_SHIFT 4

typedef ap_uint<8> hval_t;
typedef ap_uint<16> hcount_t;

void histogram(const hval_t data[HIST_MAX_N], int n, hcount_t hist[HIST_BINS],
               hval_t& min_v, hval_t& max_v);

#endif
