// conv2d.h - 3x3 valid convolution over a 12x14 8-bit image.
#ifndef CONV2D_H
#define CONV2D_H

#include "ap_int.h"

const int IMG_H = 12;
const int IMG_W = 14;
const int K = 3;
const int OUT_H = IMG_H - K + 1;
const int OUT_W = IMG_W - K + 1;
const int CONV_SHIFT = 4;

typedef ap_uint<8> pixel_t;
typedef ap_int<8> weight_t;

void conv2d(const pixel_t in[IMG_H * IMG_W], const weight_t kernel[K][K],
            pixel_t out[OUT_H * OUT_W]);

#endif
