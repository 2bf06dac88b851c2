// Row sums of a small window buffer. The inner loop carries a pipeline pragma of its own
// although the row loop around it is pipelined: the pragma bug the editor tests look for.
#include "window_sum.h"

void window_sum(const int in[ROWS][TAPS], int out[ROWS]) {
#pragma HLS interface mode=ap_memory port=in
#pragma HLS interface mode=ap_memory port=out
rows:
    for (int r = 0; r < ROWS; r++) {
#pragma HLS pipeline II=1
        int acc = 0;
    taps:
        for (int t = 0; t < TAPS; t++) {
#pragma HLS pipeline II=1
            acc += in[r][t];
        }
        out[r] = acc;
    }
}
