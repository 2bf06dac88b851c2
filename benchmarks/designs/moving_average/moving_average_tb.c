/* moving_average_tb.c - feeds each case in three chunks (state persists)
 * and compares with a direct windowed sum. */
#include <stdio.h>
#include <stdlib.h>

#define MA_MAX_N 64
void moving_average(const signed char in[MA_MAX_N], short out[MA_MAX_N], int n, int reset);

static unsigned int seed;
static int rnd8(void) {
    seed = seed * 1103515245u + 12345u;
    return (int)((seed >> 16) & 0xFF) - 128;
}

int main(void) {
    const char *env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    int c, i, k;
    for (c = 0; c < 4; c++) {
        signed char data[3 * MA_MAX_N];
        short out[3 * MA_MAX_N + 4];
        int total = 0, pos = 0, chunk;
        const int chunks[3] = {5 + c, 40, 20 - c};
        if (sel >= 0 && c != sel) continue;
        seed = 11u + 1000u * (unsigned int)c;
        for (i = 0; i < 3; i++) total += chunks[i];
        for (i = 0; i < total; i++) {
            int v = rnd8();
            if (c == 1) v = -128;
            if (c == 2) v = (i % 16 < 8) ? 127 : -100;
            data[i] = (signed char)v;
        }
        for (i = 0; i < total + 4; i++) out[i] = 0x1357;
        for (chunk = 0; chunk < 3; chunk++) {
            moving_average(data + pos, out + pos, chunks[chunk], chunk == 0);
            pos += chunks[chunk];
        }
        printf("case %d:", c);
        for (i = 0; i < total; i++) {
            int s = 0;
            for (k = 0; k < 8; k++)
                if (i - k >= 0) s += data[i - k];
            printf(" %d", out[i]);
            if (out[i] != (s >> 3)) errors++;
        }
        printf("\n");
        if (out[total] != 0x1357) {
            printf("case %d guard overwritten\n", c);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
