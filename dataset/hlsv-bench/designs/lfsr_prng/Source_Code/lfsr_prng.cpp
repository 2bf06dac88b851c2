// lfsr_prng.cpp - xorshift32 generator with state persisting across calls,
// plus a 16-bit Galois LFSR whose output bits are whitened into each word.
#include "ap_int.h"

#define PRNG_N 16
#define PRNG_DEFAULT_SEED 0x2545F491u
#define LFSR_TAPS 0xB400u

typedef ap_uint<32> rword_t;

void lfsr_prng(rword_t out[PRNG_N], bool reseed, rword_t seed) {
#pragma HLS INTERFACE mode=m_axi port=out offset=slave bundle=gmem depth=16
#pragma HLS INTERFACE mode=s_axilite port=reseed
#pragma HLS INTERFACE mode=s_axilite port=seed
#pragma HLS INTERFACE mode=s_axilite port=return
    static rword_t xs_state = PRNG_DEFAULT_SEED;
    static ap_uint<16> lfsr = 0xACE1;

    if (reseed) {
        // an all-zero state would lock both generators
        xs_state = (seed == 0) ? rword_t(PRNG_DEFAULT_SEED) : seed;
        lfsr = (seed.range(15, 0) == 0) ? ap_uint<16>(0xACE1) : ap_uint<16>(seed.range(15, 0));
    }

gen_loop:
    for (int i = 0; i < PRNG_N; i++) {
#pragma HLS pipeline II=1
        rword_t x = xs_state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        xs_state = x;

        ap_uint<8> noise = 0;
    lfsr_loop:
        for (int b = 0; b < 8; b++) {
#pragma HLS unroll
            bool lsb = lfsr[0];
            lfsr >>= 1;
            if (lsb) lfsr ^= LFSR_TAPS;
            noise[b] = lsb;
        }
        out[i] = x ^ ((rword_t)noise << 24);
    }
}
