// 256-bin histogram of 8-bit pixels. Even and odd pixels update two half histograms so the
// pipeline never waits on a read-after-write of the same bin; the halves merge at the end.
#include "ap_int.h"

#define PIXELS 1024
#define BINS 256

void histogram_split(const unsigned char pixels[PIXELS], unsigned int hist[BINS]) {
#pragma HLS INTERFACE m_axi port=pixels offset=slave bundle=gmem0 depth=1024
#pragma HLS INTERFACE m_axi port=hist offset=slave bundle=gmem1 depth=256
#pragma HLS INTERFACE s_axilite port=return
    unsigned int half[2][BINS];
#pragma HLS ARRAY_PARTITION variable=half type=complete dim=1

clear_loop:
    for (int b = 0; b < BINS; b++) {
#pragma HLS PIPELINE II=1
        half[0][b] = 0;
        half[1][b] = 0;
    }

count_loop:
    for (int p = 0; p < PIXELS; p += 2) {
#pragma HLS PIPELINE II=1
        unsigned char even = pixels[p];
        unsigned char odd = pixels[p + 1];
        half[0][even] += 1;
        half[1][odd] += 1;
    }

merge_loop:
    for (int b = 0; b < BINS; b++) {
#pragma HLS PIPELINE II=1
        hist[b] = half[0][b] + half[1][b];
    }
}
