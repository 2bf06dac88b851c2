// bit_pack.h - packs signed 12-bit samples into 32-bit words.
#ifndef BIT_PACK_H
#define BIT_PACK_H

#include "ap_int.h"
#include "hls_stream.h"

#define BP_N 32            // samples per frame
#define BP_LANES 8         // samples per 96-bit group
#define BP_GROUPS (BP_N / BP_LANES)
#define BP_WORDS (1 + 3 * BP_GROUPS + 1)  // header + payload + trailer

typedef ap_int<12> sample12_t;
typedef ap_uint<32> word_t;

// Emits: header word {magic(8), tag(8), count(8), 0x5A}, 3 words per group of
// 8 samples (little-endian bit order), and a trailer with the signed sum of
// all samples in the low 20 bits and an xor-fold in the high 12 bits.
void bit_pack(const sample12_t in[BP_N], hls::stream<word_t>& out, ap_uint<8> tag);

#endif
