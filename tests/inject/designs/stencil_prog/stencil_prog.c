/* stencil_prog.c - a program in the init/kernel/print style of benchmark suites: main sets up
 * the inputs, runs the kernel and prints every output, so the printed text is the oracle. */
#include <stdio.h>

#define LEN 24

static void init_array(int n, int src[LEN], int dst[LEN]) {
    int i;
    for (i = 0; i < n; i++) {
        src[i] = (i * 7 + 3) % 11;
        dst[i] = 0;
    }
}

static int weight(int k) {
    return k == 1 ? 2 : 1;
}

void kernel_smooth(int n, int src[LEN], int dst[LEN]) {
    int i, k;
    int acc = 0;
    for (i = 1; i < n - 1; i++) {
        acc = 0;
        for (k = 0; k < 3; k++) {
            acc += weight(k) * src[i - 1 + k];
        }
        dst[i] = acc >> 2;
    }
}

static void print_array(int n, int dst[LEN]) {
    int i;
    for (i = 0; i < n; i++) {
        printf("%d ", dst[i]);
        if (i % 8 == 7) {
            printf("\n");
        }
    }
    printf("\n");
}

int main(void) {
    int n = LEN;
    int src[LEN], dst[LEN];
    init_array(n, src, dst);
    kernel_smooth(n, src, dst);
    print_array(n, dst);
    return 0;
}
