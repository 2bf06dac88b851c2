#include <cstdio>

#define LEN 32
void scale_offset(const int x[LEN], int y[LEN]);

int main() {
    int x[LEN], y[LEN];
    for (int i = 0; i < LEN; i++) {
        x[i] = i * i - 40;
        y[i] = -1;
    }
    scale_offset(x, y);
    int errors = 0;
    for (int i = 0; i < LEN; i++) {
        if (y[i] != 3 * x[i] + 5) {
            std::printf("y[%d] = %d, expected %d\n", i, y[i], 3 * x[i] + 5);
            errors++;
        }
    }
    return errors ? 1 : 0;
}
