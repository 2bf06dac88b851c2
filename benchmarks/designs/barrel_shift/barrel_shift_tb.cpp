// barrel_shift_tb.cpp - checks all four modes against native 32-bit shifts.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "ap_int.h"

#define BS_N 24
void barrel_shift(const ap_uint<32> in[BS_N], const ap_uint<5> amt[BS_N], ap_uint<32> out[BS_N],
                  ap_uint<2> mode);

static uint32_t seed;
static uint32_t rnd() {
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    return seed;
}

static uint32_t ref(uint32_t v, int a, int mode) {
    if (a == 0) return v;
    switch (mode) {
        case 0: return v << a;
        case 1: return v >> a;
        case 2: return (uint32_t)((int32_t)v >> a);
        default: return (v >> a) | (v << (32 - a));
    }
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 8; c++) {
        if (sel >= 0 && c != sel) continue;
        int mode = c % 4;
        seed = 0x12345u + 0x1111u * (uint32_t)c;
        ap_uint<32> in[BS_N + 2], out[BS_N + 2];
        ap_uint<5> amt[BS_N + 2];
        uint32_t iv[BS_N];
        int av[BS_N];
        for (int i = 0; i < BS_N + 2; i++) {
            uint32_t v = rnd();
            if (c >= 4 && (i & 1)) v |= 0x80000000u;   // force negative words
            int a = (c >= 4) ? i % 32 : (int)(rnd() & 31);
            if (i < BS_N) { iv[i] = v; av[i] = a; }
            in[i] = v;
            amt[i] = a;
            out[i] = 0xCAFEBABEu;
        }
        barrel_shift(in, amt, out, ap_uint<2>(mode));
        printf("case %d mode %d:", c, mode);
        for (int i = 0; i < BS_N; i++) {
            uint32_t e = ref(iv[i], av[i], mode);
            printf(" %08x", (unsigned)out[i].to_uint());
            if (out[i].to_uint() != e) errors++;
        }
        printf("\n");
        if (out[BS_N].to_uint() != 0xCAFEBABEu) errors++;
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
