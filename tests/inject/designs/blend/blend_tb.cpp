// blend_tb.cpp - checks blend() against a reference and prints every output.
#include <cstdio>

#define BL_N 16
void blend(const int a[BL_N], const int b[BL_N], int out[BL_N], int alpha);

int main() {
    int a[BL_N + 2], b[BL_N + 2], out[BL_N + 2];
    for (int i = 0; i < BL_N + 2; i++) {
        a[i] = i * 13 + 7;
        b[i] = 200 - i * 9;
        out[i] = -1;
    }
    int errors = 0;
    for (int alpha = 0; alpha <= 256; alpha += 64) {
        blend(a, b, out, alpha);
        for (int i = 0; i < BL_N; i++) {
            int want = (a[i] * alpha + b[i] * (256 - alpha) + 128) >> 8;
            if (out[i] != want)
                errors++;
            std::printf("%d ", out[i]);
        }
        if (out[BL_N] != -1)
            errors++;
        std::printf("\n");
    }
    std::printf("%s\n", errors ? "FAIL" : "PASS");
    return errors ? 1 : 0;
}
