/* matvec_tb.c - self-checking testbench for matvec (plain C). */
#include <stdio.h>
#include <stdlib.h>

#define ROWS 12
#define COLS 16
void matvec(const int M[ROWS][COLS], const int x[COLS], int y[ROWS], int bias);

static unsigned int seed;
static int rnd(int lo, int hi) {
    seed = seed * 69069u + 1u;
    return lo + (int)((seed >> 8) % (unsigned int)(hi - lo + 1));
}

struct buffers {
    int M[ROWS + 1][COLS]; /* last row is a guard */
    int x[COLS + 4];
    int y[ROWS + 4];
};

int main(void) {
    const char *env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    int c, r, k;
    static struct buffers b;
    for (c = 0; c < 4; c++) {
        int bias = (c % 2) ? -1000 * c : 17 + c;
        if (sel >= 0 && c != sel) continue;
        seed = 7u + 31u * (unsigned int)c;
        for (r = 0; r < ROWS + 1; r++)
            for (k = 0; k < COLS; k++) b.M[r][k] = rnd(-200, 200);
        for (k = 0; k < COLS + 4; k++) b.x[k] = (c == 3) ? rnd(0, 3) : rnd(-500, 500);
        for (r = 0; r < ROWS + 4; r++) b.y[r] = 12345;
        matvec((const int(*)[COLS])b.M, b.x, b.y, bias);
        for (r = 0; r < ROWS; r++) {
            int e = bias;
            for (k = 0; k < COLS; k++) e += b.M[r][k] * b.x[k];
            printf("case %d y[%d] = %d\n", c, r, b.y[r]);
            if (e != b.y[r]) {
                printf("  MISMATCH expected %d\n", e);
                errors++;
            }
        }
        for (r = ROWS; r < ROWS + 4; r++)
            if (b.y[r] != 12345) {
                printf("case %d guard y[%d] overwritten\n", c, r);
                errors++;
            }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
