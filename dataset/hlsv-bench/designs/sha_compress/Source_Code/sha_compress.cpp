// sha_compress.cpp - SHA-256 compression with a 16-word rolling message
// schedule (only the last 16 schedule words are kept).
#include "sha_compress.h"

namespace {

constexpr uint32_t ROUND_K[SHA_ROUNDS] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
inline uint32_t big_sigma0(uint32_t x) { return rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22); }
inline uint32_t big_sigma1(uint32_t x) { return rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25); }
inline uint32_t small_sigma0(uint32_t x) { return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3); }
inline uint32_t small_sigma1(uint32_t x) { return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10); }

}  // namespace

void sha_compress(const uint32_t block[SHA_BLOCK_WORDS], uint32_t state[SHA_STATE_WORDS],
                  bool init) {
#pragma HLS interface mode=m_axi port=block offset=slave bundle=gmem depth=16
#pragma HLS interface mode=m_axi port=state offset=slave bundle=gmem depth=8
#pragma HLS interface mode=s_axilite port=init
#pragma HLS interface mode=s_axilite port=return
    uint32_t w[SHA_BLOCK_WORDS];
    uint32_t h[SHA_STATE_WORDS];
#pragma HLS array_partition variable=w complete dim=1
#pragma HLS array_partition variable=h type=complete dim=1

    if (init) {
        h[0] = 0x6a09e667;
        h[1] = 0xbb67ae85;
        h[2] = 0x3c6ef372;
        h[3] = 0xa54ff53a;
        h[4] = 0x510e527f;
        h[5] = 0x9b05688c;
        h[6] = 0x1f83d9ab;
        h[7] = 0x5be0cd19;
    } else {
    load_state:
        for (int i = 0; i < SHA_STATE_WORDS; i++) {
#pragma HLS pipeline II=1
            h[i] = state[i];
        }
    }
load_block:
    for (int i = 0; i < SHA_BLOCK_WORDS; i++) {
#pragma HLS pipeline II=1
        w[i] = block[i];
    }

    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    uint32_t e = h[4], f = h[5], g = h[6], hh = h[7];

round_loop:
    for (int t = 0; t < SHA_ROUNDS; t++) {
#pragma HLS pipeline II=1
        uint32_t wt;
        if (t < SHA_BLOCK_WORDS) {
            wt = w[t];
        } else {
            // w[0] holds W[t-16], w[1] W[t-15], w[9] W[t-7], w[14] W[t-2]
            wt = small_sigma1(w[14]) + w[9] + small_sigma0(w[1]) + w[0];
        shift_sched:
            for (int i = 0; i < SHA_BLOCK_WORDS - 1; i++) {
#pragma HLS unroll
                w[i] = w[i + 1];
            }
            w[SHA_BLOCK_WORDS - 1] = wt;
        }
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t1 = hh + big_sigma1(e) + ch + ROUND_K[t] + wt;
        uint32_t t2 = big_sigma0(a) + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }

    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
store_state:
    for (int i = 0; i < SHA_STATE_WORDS; i++) {
#pragma HLS pipeline II=1
        state[i] = h[i];
    }
}
