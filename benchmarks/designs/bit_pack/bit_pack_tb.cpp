// bit_pack_tb.cpp - unpacks the word stream in plain C++ and checks every field.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "bit_pack.h"

static uint32_t seed;
static int rnd12() {
    seed = seed * 1103515245u + 12345u;
    return (int)((seed >> 12) & 0xFFF) - 2048;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 4; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 1000u + 3u * (uint32_t)c;
        int vals[BP_N];
        sample12_t in[BP_N + 8];
        for (int i = 0; i < BP_N + 8; i++) {
            int v = rnd12();
            if (c == 1) v = -1 - i;             // small negatives
            if (c == 2) v = (i & 1) ? 2047 : -2048;
            if (i < BP_N) vals[i] = v;
            in[i] = v;
        }
        int tag = 0x30 + 0x41 * c;
        hls::stream<word_t> out;
        bit_pack(in, out, ap_uint<8>(tag & 0xFF));

        uint32_t words[BP_WORDS];
        int n = 0;
        while (!out.empty()) {
            word_t w = out.read();
            if (n < BP_WORDS) words[n] = w.to_uint();
            n++;
        }
        printf("case %d words %d:", c, n);
        for (int i = 0; i < n && i < BP_WORDS; i++) printf(" %08x", (unsigned)words[i]);
        printf("\n");
        if (n != BP_WORDS) {
            errors++;
            continue;
        }
        uint32_t exp_hdr = (0xB1u << 24) | ((uint32_t)(tag & 0xFF) << 16) | ((uint32_t)BP_N << 8) | 0x5Au;
        if (words[0] != exp_hdr) errors++;
        int sum = 0;
        uint32_t fold = 0;
        for (int i = 0; i < BP_N; i++) {
            // sample i lives at bit offset 12*(i%8) of its 96-bit group
            int g = i / BP_LANES, off = 12 * (i % BP_LANES);
            uint64_t lo = words[1 + 3 * g + off / 32];
            uint64_t hi = (off / 32 < 2) ? words[1 + 3 * g + off / 32 + 1] : 0;
            uint32_t raw = (uint32_t)(((hi << 32) | lo) >> (off % 32)) & 0xFFF;
            int val = (raw & 0x800) ? (int)raw - 4096 : (int)raw;
            if (val != vals[i]) {
                if (errors < 5) printf("  sample %d unpacked %d expected %d\n", i, val, vals[i]);
                errors++;
            }
            sum += vals[i];
            uint32_t r = (uint32_t)vals[i] & 0xFFF;
            fold ^= ((r << 1) | (r >> 11)) & 0xFFF;
        }
        uint32_t exp_tr = ((uint32_t)sum & 0xFFFFF) | (fold << 20);
        printf("case %d sum %d fold %03x\n", c, sum, (unsigned)fold);
        if (words[BP_WORDS - 1] != exp_tr) {
            printf("  MISMATCH trailer expected %08x\n", (unsigned)exp_tr);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
