/* prefix_sum_tb.c - checks prefix_sum against a sequential running sum. */
#include <stdio.h>
#include <stdlib.h>

#define PS_N 32
void prefix_sum(const int in[PS_N], int out[PS_N], int *total);

static unsigned int seed;
static int rnd(int range) {
    seed = seed * 1103515245u + 12345u;
    return (int)((seed >> 10) % (unsigned int)(2 * range + 1)) - range;
}

int main(void) {
    const char *env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    int c, i;
    for (c = 0; c < 4; c++) {
        int in[PS_N + 2], out[PS_N + 2];
        int total = 0, run = 0;
        if (sel >= 0 && c != sel) continue;
        seed = 99u + 1234u * (unsigned int)c;
        for (i = 0; i < PS_N + 2; i++) {
            in[i] = (c == 0) ? 1 : (c == 1) ? i * i : rnd(c == 2 ? 1000 : 1000000);
            out[i] = -1;
        }
        prefix_sum(in, out, &total);
        printf("case %d:", c);
        for (i = 0; i < PS_N; i++) {
            run += in[i];
            printf(" %d", out[i]);
            if (out[i] != run) errors++;
        }
        printf("\ncase %d total %d\n", c, total);
        if (total != run || out[PS_N] != -1 || out[PS_N + 1] != -1) errors++;
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
