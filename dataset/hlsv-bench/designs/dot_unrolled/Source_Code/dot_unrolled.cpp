// dot_unrolled.cpp - four independent partial sums, the loop body is unrolled
// by hand (i advances by 4) and the partial sums are combined at the end.
#include "dot_unrolled.h"

template <int N>
static dot_out_t dot4(const dot_in_t x[N], const dot_in_t y[N]) {
#pragma HLS inline off
    static_assert(N % 4 == 0, "length must be a multiple of four");
    ap_int<20> p0 = 0, p1 = 0, p2 = 0, p3 = 0;
lane_loop:
    for (int i = 0; i < N; i += 4) {
#pragma HLS pipeline II=1
        p0 += x[i] * y[i];
        p1 += x[i + 1] * y[i + 1];
        p2 += x[i + 2] * y[i + 2];
        p3 += x[i + 3] * y[i + 3];
    }
    return (dot_out_t)(p0 + p1) + (dot_out_t)(p2 + p3);
}

void dot_unrolled(const dot_in_t a[DOT_BATCH][DOT_LEN], const dot_in_t w[DOT_LEN],
                  dot_out_t res[DOT_BATCH]) {
#pragma HLS interface mode=m_axi port=a offset=slave bundle=gmem depth=128
#pragma HLS interface mode=bram port=w
#pragma HLS interface mode=m_axi port=res offset=slave bundle=gmem depth=4
#pragma HLS interface mode=s_axilite port=return
    dot_in_t row[DOT_LEN];
    dot_in_t wl[DOT_LEN];
#pragma HLS array_partition variable=row type=cyclic factor=4 dim=1
#pragma HLS array_partition variable=wl type=cyclic factor=4 dim=1

copy_w:
    for (int i = 0; i < DOT_LEN; i++) {
#pragma HLS pipeline II=1
        wl[i] = w[i];
    }
batch_loop:
    for (int b = 0; b < DOT_BATCH; b++) {
    copy_row:
        for (int i = 0; i < DOT_LEN; i++) {
#pragma HLS pipeline II=1
            row[i] = a[b][i];
        }
        res[b] = dot4<DOT_LEN>(row, wl);
    }
}
