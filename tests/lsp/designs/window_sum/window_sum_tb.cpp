#include "window_sum.h"

#include <cstdio>

int main() {
    int in[ROWS][TAPS];
    int out[ROWS];
    for (int r = 0; r < ROWS; r++) {
        for (int t = 0; t < TAPS; t++) {
            in[r][t] = r * 7 - t * 3 + 1;
        }
    }
    window_sum(in, out);
    int errors = 0;
    for (int r = 0; r < ROWS; r++) {
        int expect = 0;
        for (int t = 0; t < TAPS; t++) {
            expect += in[r][t];
        }
        if (out[r] != expect) {
            std::printf("row %d: got %d, expected %d\n", r, out[r], expect);
            errors++;
        }
    }
    std::printf("%s\n", errors ? "FAIL" : "PASS");
    return errors ? 1 : 0;
}
