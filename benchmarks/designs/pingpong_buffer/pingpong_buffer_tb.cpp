// pingpong_buffer_tb.cpp - checks the block transform on several inputs.
#include <cstdio>
#include <cstdlib>
#include <cstdint>

#define PP_BLOCK 8
#define PP_NBLOCKS 6
#define PP_TOTAL (PP_BLOCK * PP_NBLOCKS)
void pingpong_buffer(const int in[PP_TOTAL], int out[PP_TOTAL]);

static uint32_t seed;
static int rnd(int range) {
    seed = seed * 1103515245u + 12345u;
    return (int)((seed >> 8) % (uint32_t)(2 * range + 1)) - range;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 3; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 1u + 999u * (uint32_t)c;
        int in[PP_TOTAL + 8], out[PP_TOTAL + 8];
        for (int i = 0; i < PP_TOTAL + 8; i++) {
            in[i] = (c == 0) ? i : rnd(c == 1 ? 100 : 1000000);
            out[i] = -5;
        }
        pingpong_buffer(in, out);
        for (int b = 0; b < PP_NBLOCKS; b++) {
            int carry = b + 1;
            printf("case %d block %d:", c, b);
            for (int i = 0; i < PP_BLOCK; i++) {
                int v = in[b * PP_BLOCK + PP_BLOCK - 1 - i] * (i + 1) + carry;
                carry = v & 0xFF;
                printf(" %d", out[b * PP_BLOCK + i]);
                if (out[b * PP_BLOCK + i] != v) errors++;
            }
            printf("\n");
        }
        for (int i = PP_TOTAL; i < PP_TOTAL + 8; i++)
            if (out[i] != -5) {
                printf("case %d guard overwritten\n", c);
                errors++;
                break;
            }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
