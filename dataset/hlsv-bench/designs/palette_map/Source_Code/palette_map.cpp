// palette_map.cpp - every pixel is an 8-bit colour index. The palette lives in
// an on-chip RAM port: it is read at the index the pixel carries, so its
// addresses come from the data (random access, one read per pixel).
#include "palette_map.h"

void palette_map(const index_t pix[PM_MAX_PIX], const rgb_t palette[PM_COLORS], rgb_t out[PM_MAX_PIX],
                 int n, index_t transparent, rgb_t background, luma_sum_t& luma_sum) {
#pragma HLS INTERFACE mode=m_axi port=pix offset=slave bundle=gmem depth=512
#pragma HLS INTERFACE mode=ap_memory port=palette storage_type=ram_1p
#pragma HLS INTERFACE mode=m_axi port=out offset=slave bundle=gmem depth=512
#pragma HLS INTERFACE mode=s_axilite port=n
#pragma HLS INTERFACE mode=s_axilite port=transparent
#pragma HLS INTERFACE mode=s_axilite port=background
#pragma HLS INTERFACE mode=s_axilite port=luma_sum
#pragma HLS INTERFACE mode=s_axilite port=return
    luma_sum_t total = 0;

map_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=1 max=512
#pragma HLS pipeline II=1
        index_t idx = pix[i];
        rgb_t colour = palette[idx];
        if (idx == transparent) colour = background;
        ap_uint<8> r = colour.range(23, 16);
        ap_uint<8> g = colour.range(15, 8);
        ap_uint<8> b = colour.range(7, 0);
        // BT.601 weights in Q8: 77 + 150 + 29 = 256
        ap_uint<16> y = (r * 77 + g * 150 + b * 29) >> 8;
        total += y;
        out[i] = colour;
    }
    luma_sum = total;
}
