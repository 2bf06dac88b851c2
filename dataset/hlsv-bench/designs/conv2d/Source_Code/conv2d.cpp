// conv2d.cpp - streaming 3x3 convolution with a two-row line buffer and a
// 3x3 sliding window. Unsigned pixels are zero-extended before the signed MAC,
// the sum is scaled by 2^-CONV_SHIFT and clamped to [0, 255].
#include "conv2d.h"

void conv2d(const pixel_t in[IMG_H * IMG_W], const weight_t kernel[K][K],
            pixel_t out[OUT_H * OUT_W]) {
#pragma HLS interface mode=m_axi port=in offset=slave bundle=gmem depth=168
#pragma HLS interface mode=m_axi port=out offset=slave bundle=gmem depth=120
#pragma HLS interface mode=s_axilite port=kernel
#pragma HLS interface mode=s_axilite port=return

    pixel_t line_buf[K - 1][IMG_W];
    pixel_t window[K][K];
    weight_t w[K][K];
#pragma HLS array_partition variable=line_buf complete dim=1
#pragma HLS array_partition variable=window complete dim=0
#pragma HLS array_partition variable=w type=complete dim=0

load_w_row:
    for (int i = 0; i < K; i++) {
    load_w_col:
        for (int j = 0; j < K; j++) {
            w[i][j] = kernel[i][j];
            window[i][j] = 0;
        }
    }
clear_lines:
    for (int c = 0; c < IMG_W; c++) {
#pragma HLS pipeline II=1
        line_buf[0][c] = 0;
        line_buf[1][c] = 0;
    }

row_loop:
    for (int r = 0; r < IMG_H; r++) {
    col_loop:
        for (int c = 0; c < IMG_W; c++) {
#pragma HLS pipeline II=1
            pixel_t pix = in[r * IMG_W + c];
        shift_win:
            for (int i = 0; i < K; i++) {
#pragma HLS unroll
                window[i][0] = window[i][1];
                window[i][1] = window[i][2];
            }
            window[0][2] = line_buf[0][c];
            window[1][2] = line_buf[1][c];
            window[2][2] = pix;
            line_buf[0][c] = line_buf[1][c];
            line_buf[1][c] = pix;

            if (r >= K - 1 && c >= K - 1) {
                ap_int<20> acc = 0;
            mac_row:
                for (int i = 0; i < K; i++) {
#pragma HLS unroll
                mac_col:
                    for (int j = 0; j < K; j++) {
#pragma HLS unroll
                        ap_int<9> p = window[i][j];
                        acc += p * w[i][j];
                    }
                }
                ap_int<20> scaled = acc >> CONV_SHIFT;
                pixel_t res;
                if (scaled < 0)
                    res = 0;
                else if (scaled > 255)
                    res = 255;
                else
                    res = scaled;
                out[(r - (K - 1)) * OUT_W + (c - (K - 1))] = res;
            }
        }
    }
}
