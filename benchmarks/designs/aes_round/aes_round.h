// aes_round.h - AES-like block transform on a 4x4 byte state.
#ifndef AES_ROUND_H
#define AES_ROUND_H

#include "ap_int.h"

#define AES_ROWS 4
#define AES_COLS 4
#define AES_ROUNDS 4

typedef ap_uint<8> byte_t;

// Applies AES_ROUNDS rounds of SubNibbles/ShiftRows/MixColumns/AddRoundKey.
void aes_round(const byte_t in[AES_ROWS][AES_COLS], const byte_t key[AES_ROWS][AES_COLS],
               byte_t out[AES_ROWS][AES_COLS]);

#endif
