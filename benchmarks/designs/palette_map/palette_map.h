// palette_map.h - indexed-colour frame to RGB888 through a 256-entry palette,
// with a transparent index that shows a background colour, and a luma sum.
#ifndef PALETTE_MAP_H
#define PALETTE_MAP_H

#include "ap_int.h"

#define PM_COLORS 256
#define PM_MAX_PIX 512

typedef ap_uint<8> index_t;
typedef ap_uint<24> rgb_t;
typedef ap_uint<32> luma_sum_t;

void palette_map(const index_t pix[PM_MAX_PIX], const rgb_t palette[PM_COLORS], rgb_t out[PM_MAX_PIX],
                 int n, index_t transparent, rgb_t background, luma_sum_t& luma_sum);

#endif
