// y = alpha * x + beta over a vector in DDR, burst-read into a local buffer, processed and
// burst-written back. Alpha and beta arrive as scalars over AXI-Lite.
#include "ap_fixed.h"

#define LEN 256

typedef ap_fixed<18, 6> data_t;

void vec_scale_axi(const data_t* x, data_t* y, data_t alpha, data_t beta, int n) {
#pragma HLS INTERFACE m_axi port=x offset=slave bundle=gmem0 depth=256 max_read_burst_length=64
#pragma HLS INTERFACE m_axi port=y offset=slave bundle=gmem1 depth=256 max_write_burst_length=64
#pragma HLS INTERFACE s_axilite port=alpha
#pragma HLS INTERFACE s_axilite port=beta
#pragma HLS INTERFACE s_axilite port=n
#pragma HLS INTERFACE s_axilite port=return
    data_t buf[LEN];
#pragma HLS ARRAY_PARTITION variable=buf type=cyclic factor=8 dim=1

read_loop:
    for (int i = 0; i < LEN; i++) {
#pragma HLS PIPELINE II=1
        buf[i] = (i < n) ? x[i] : data_t(0);
    }

compute_loop:
    for (int i = 0; i < LEN; i += 8) {
#pragma HLS PIPELINE II=1
        for (int u = 0; u < 8; u++) {
#pragma HLS UNROLL
            buf[i + u] = alpha * buf[i + u] + beta;
        }
    }

write_loop:
    for (int i = 0; i < LEN; i++) {
#pragma HLS PIPELINE II=1
        if (i < n) {
            y[i] = buf[i];
        }
    }
}
