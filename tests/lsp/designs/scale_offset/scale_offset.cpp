// y = 3 x + 5 over a vector. The loop stops one element early: the functional bug that the
// editor's "debug this design" command localizes and fixes.
#define LEN 32

void scale_offset(const int x[LEN], int y[LEN]) {
scale:
    for (int i = 0; i < LEN - 1; i++) {
#pragma HLS pipeline II=1
        y[i] = 3 * x[i] + 5;
    }
}
