// stream_pipeline_tb.cpp - reference model of the four stages in plain ints.
#include <cstdio>
#include <cstdlib>
#include <cstdint>

#define SP_MAX_N 128
void stream_pipeline(const int* in, int* out, int n);

static uint32_t seed;
static int rnd(int range) {
    seed = seed * 1103515245u + 12345u;
    return (int)((seed >> 10) % (uint32_t)(2 * range + 1)) - range;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    const int lens[4] = {128, 50, 1, 77};
    for (int c = 0; c < 4; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 2718u + 31u * (uint32_t)c;
        int n = lens[c];
        int in[SP_MAX_N + 2], out[SP_MAX_N + 2];
        for (int i = 0; i < SP_MAX_N + 2; i++) {
            in[i] = (c == 3) ? ((i % 9) - 4) * 8191 : rnd(c == 0 ? 32767 : 1000);
            if (c == 2) in[i] = -32768;
            out[i] = 0x7777;
        }
        stream_pipeline(in, out, n);
        int prev = 0;
        uint32_t h = 0;
        for (int i = 0; i < n; i++) {
            int y = (3 * in[i]) >> 1;
            if (y > 20000) y = 20000;
            if (y < -20000) y = -20000;
            int d = (y - prev) >> 1;
            prev = y;
            printf("case %d out[%d] = %d\n", c, i, out[i]);
            if (out[i] != d) {
                printf("  MISMATCH expected %d\n", d);
                errors++;
            }
            h = h * 33u + (uint32_t)out[i];
        }
        if (out[n] != 0x7777) {
            printf("case %d guard overwritten\n", c);
            errors++;
        }
        printf("case %d hash %08x\n", c, (unsigned)h);
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
