// aes_round_tb.cpp - byte-level reference model of the AES-like rounds.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "aes_round.h"

static const uint8_t S4[16] = {12, 5, 6, 11, 9, 0, 10, 13, 3, 14, 15, 8, 4, 7, 1, 2};

static uint8_t xt(uint8_t b) { return (uint8_t)((b << 1) ^ ((b & 0x80) ? 0x1B : 0)); }

static void ref_encrypt(const uint8_t in[4][4], const uint8_t key[4][4], uint8_t out[4][4]) {
    uint8_t s[4][4], k[4][4];
    for (int r = 0; r < 4; r++)
        for (int c = 0; c < 4; c++) { s[r][c] = in[r][c]; k[r][c] = key[r][c]; }
    uint8_t rcon = 1;
    for (int rnd = 0; rnd < AES_ROUNDS; rnd++) {
        uint8_t t[4][4];
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++) {
                uint8_t v = s[r][(c + r) % 4];
                t[r][c] = (uint8_t)((S4[v >> 4] << 4) | S4[v & 15]);
            }
        for (int c = 0; c < 4; c++) {
            uint8_t a[4] = {t[0][c], t[1][c], t[2][c], t[3][c]};
            for (int r = 0; r < 4; r++) {
                // MixColumns row r: 2*a[r] ^ 3*a[r+1] ^ a[r+2] ^ a[r+3]
                uint8_t x = a[r], y = a[(r + 1) % 4];
                s[r][c] = xt(x) ^ xt(y) ^ y ^ a[(r + 2) % 4] ^ a[(r + 3) % 4] ^ k[r][c];
            }
        }
        for (int r = 0; r < 4; r++) {
            uint8_t f = k[r][0];
            for (int c = 0; c < 3; c++) k[r][c] = k[r][c + 1];
            k[r][3] = f ^ rcon;
        }
        rcon = xt(rcon);
    }
    for (int r = 0; r < 4; r++)
        for (int c = 0; c < 4; c++) out[r][c] = s[r][c];
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    uint32_t seed = 0;
    for (int tc = 0; tc < 5; tc++) {
        if (sel >= 0 && tc != sel) continue;
        seed = 0xC0FFEEu * (uint32_t)(tc + 1);
        uint8_t pin[4][4], pkey[4][4], pref[4][4];
        byte_t in[AES_ROWS][AES_COLS], key[AES_ROWS][AES_COLS];
        byte_t out[AES_ROWS + 1][AES_COLS];  // last row is a guard
        for (int c = 0; c < AES_COLS; c++) out[AES_ROWS][c] = 0x5C;
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++) {
                seed = seed * 1664525u + 1013904223u;
                pin[r][c] = (tc == 0) ? 0 : (uint8_t)(seed >> 24);
                pkey[r][c] = (tc == 1) ? 0 : (uint8_t)(seed >> 13);
                if (tc == 4) pin[r][c] = (uint8_t)(0x80 | (r * 4 + c));
                in[r][c] = pin[r][c];
                key[r][c] = pkey[r][c];
            }
        ref_encrypt(pin, pkey, pref);
        aes_round(in, key, out);
        printf("case %d:", tc);
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++) {
                printf(" %02x", (unsigned)out[r][c].to_uint());
                if (out[r][c].to_uint() != pref[r][c]) errors++;
            }
        printf("\n");
        for (int c = 0; c < AES_COLS; c++)
            if (out[AES_ROWS][c].to_uint() != 0x5C) {
                printf("case %d guard overwritten\n", tc);
                errors++;
                break;
            }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
