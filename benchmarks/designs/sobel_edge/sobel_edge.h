// sobel_edge.h - Sobel gradient magnitude of a 10x16 8-bit image.
#ifndef SOBEL_EDGE_H
#define SOBEL_EDGE_H

#include "ap_int.h"

#define SB_H 10
#define SB_W 16

typedef ap_uint<8> pix_t;

// out[r][c] = min(255, (|Gx| + |Gy|) >> 2) for interior pixels, 0 on the border.
void sobel_edge(const pix_t in[SB_H][SB_W], pix_t out[SB_H][SB_W], pix_t threshold,
                int& edge_count);

#endif
