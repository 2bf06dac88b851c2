// palette_map_tb.cpp - self-checking testbench for palette_map: random and
// structured palettes and frames, against a plain C++ model.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "palette_map.h"

static uint32_t seed;
static uint32_t lcg() {
    seed = seed * 22695477u + 1u;
    return seed >> 8;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    const int lengths[4] = {512, 77, 1, 300};
    for (int c = 0; c < 4; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 31337u + (uint32_t)c * 101u;
        int n = lengths[c];
        static rgb_t palette[PM_COLORS];
        static uint32_t pal_ref[PM_COLORS];
        for (int k = 0; k < PM_COLORS; k++) {
            uint32_t v = (c == 1) ? (uint32_t)(k * 0x010101) : (lcg() & 0xFFFFFF);
            palette[k] = v;
            pal_ref[k] = v;
        }
        static index_t pix[PM_MAX_PIX + 2];
        static int pix_ref[PM_MAX_PIX];
        for (int i = 0; i < PM_MAX_PIX + 2; i++) {
            int v = (c == 3) ? (int)((i * 37 + (i >> 3)) & 0xFF) : (int)(lcg() & 0xFF);
            if (c == 2) v = 200;
            if (i < PM_MAX_PIX) pix_ref[i] = v;
            pix[i] = v;
        }
        const int transparent = (c == 2) ? 200 : 17 * (c + 1);
        const uint32_t background = 0x2040C0u + (uint32_t)c;
        static rgb_t out[PM_MAX_PIX + 2];
        for (int i = 0; i < PM_MAX_PIX + 2; i++) out[i] = 0xABCDEF;
        luma_sum_t luma = 0;
        palette_map(pix, palette, out, n, transparent, background, luma);
        uint32_t ref_luma = 0, checksum = 0;
        int bad = 0;
        for (int i = 0; i < n; i++) {
            uint32_t col = pix_ref[i] == transparent ? background : pal_ref[pix_ref[i]];
            uint32_t r = col >> 16, g = (col >> 8) & 0xFF, b = col & 0xFF;
            ref_luma += (r * 77 + g * 150 + b * 29) >> 8;
            uint32_t got = (uint32_t)out[i].to_uint();
            checksum = checksum * 31u + got;
            if (got != col) bad++;
        }
        printf("case %d pixels %d luma %u checksum %08x\n", c, n, (unsigned)luma.to_uint(),
               (unsigned)checksum);
        if (bad) {
            printf("  MISMATCH %d pixels\n", bad);
            errors += bad;
        }
        if ((uint32_t)luma.to_uint() != ref_luma) {
            printf("  MISMATCH luma expected %u\n", (unsigned)ref_luma);
            errors++;
        }
        if (n < PM_MAX_PIX && out[n].to_uint() != 0xABCDEF) {
            printf("case %d wrote past the frame\n", c);
            errors++;
        }
        if (out[PM_MAX_PIX].to_uint() != 0xABCDEF || out[PM_MAX_PIX + 1].to_uint() != 0xABCDEF) {
            printf("case %d guard overwritten\n", c);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
