// aes_round.cpp - AES-like rounds: a 4-bit S-box applied to both nibbles,
// AES ShiftRows, AES MixColumns over GF(2^8), and a round key derived by
// rotating the base key and xoring a doubling round constant.
// The state is double-buffered: round r reads state[r & 1], writes the other.
#include "aes_round.h"

static const ap_uint<4> SBOX4[16] = {0xC, 0x5, 0x6, 0xB, 0x9, 0x0, 0xA, 0xD,
                                     0x3, 0xE, 0xF, 0x8, 0x4, 0x7, 0x1, 0x2};

static byte_t xtime(byte_t b) {
#pragma HLS inline
    byte_t s = b << 1;
    if (b[7]) s ^= 0x1B;
    return s;
}

void aes_round(const byte_t in[AES_ROWS][AES_COLS], const byte_t key[AES_ROWS][AES_COLS],
               byte_t out[AES_ROWS][AES_COLS]) {
#pragma HLS INTERFACE mode=bram port=in
#pragma HLS INTERFACE mode=bram port=key
#pragma HLS INTERFACE mode=bram port=out
#pragma HLS INTERFACE mode=s_axilite port=return
    byte_t state[2][AES_ROWS][AES_COLS];
    byte_t rk[AES_ROWS][AES_COLS];
#pragma HLS array_partition variable=state complete dim=0
#pragma HLS array_partition variable=rk type=complete dim=2

load_r:
    for (int r = 0; r < AES_ROWS; r++) {
    load_c:
        for (int c = 0; c < AES_COLS; c++) {
#pragma HLS pipeline II=1
            state[0][r][c] = in[r][c];
            rk[r][c] = key[r][c];
        }
    }

    byte_t rcon = 0x01;
round_loop:
    for (int rnd = 0; rnd < AES_ROUNDS; rnd++) {
#pragma HLS pipeline II=1
        int cur = rnd & 1;
        int nxt = cur ^ 1;
        byte_t tmp[AES_ROWS][AES_COLS];
    sub_shift_r:
        for (int r = 0; r < AES_ROWS; r++) {
#pragma HLS unroll
        sub_shift_c:
            for (int c = 0; c < AES_COLS; c++) {
#pragma HLS unroll
                byte_t v = state[cur][r][(c + r) & 3];
                byte_t hi = SBOX4[v.range(7, 4)];
                byte_t lo = SBOX4[v.range(3, 0)];
                tmp[r][c] = (hi << 4) | lo;
            }
        }
    mix_c:
        for (int c = 0; c < AES_COLS; c++) {
#pragma HLS unroll
            byte_t a0 = tmp[0][c], a1 = tmp[1][c], a2 = tmp[2][c], a3 = tmp[3][c];
            state[nxt][0][c] = xtime(a0) ^ (xtime(a1) ^ a1) ^ a2 ^ a3 ^ rk[0][c];
            state[nxt][1][c] = a0 ^ xtime(a1) ^ (xtime(a2) ^ a2) ^ a3 ^ rk[1][c];
            state[nxt][2][c] = a0 ^ a1 ^ xtime(a2) ^ (xtime(a3) ^ a3) ^ rk[2][c];
            state[nxt][3][c] = (xtime(a0) ^ a0) ^ a1 ^ a2 ^ xtime(a3) ^ rk[3][c];
        }
        // next round key: rotate each row left by one byte, then mix in rcon
    key_r:
        for (int r = 0; r < AES_ROWS; r++) {
#pragma HLS unroll
            byte_t first = rk[r][0];
            rk[r][0] = rk[r][1];
            rk[r][1] = rk[r][2];
            rk[r][2] = rk[r][3];
            rk[r][3] = first ^ rcon;
        }
        rcon = xtime(rcon);
    }

store_r:
    for (int r = 0; r < AES_ROWS; r++) {
    store_c:
        for (int c = 0; c < AES_COLS; c++) {
#pragma HLS pipeline II=1
            out[r][c] = state[AES_ROUNDS & 1][r][c];
        }
    }
}
