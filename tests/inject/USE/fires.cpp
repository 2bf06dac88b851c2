#include "ap_int.h"
// Port bytes widened into a sum: read as signed, 0x80..0xFF would sign-extend.
int sum_bytes(const ap_uint<8> in[16], const short delta[16], ap_uint<32> packed) {
    int acc = 0;
    for (int i = 0; i < 16; i++) {
        acc += in[i];
    }
    // Signed samples widened: read as unsigned, negative ones would zero-extend.
    long total = 0;
    for (int i = 0; i < 16; i++) {
        long d = delta[i];
        total += d;
    }
    // A signed nibble sliced from a word, then multiplied into a wider accumulator.
    ap_int<4> w = packed.range(3, 0);
    ap_int<12> scaled = w * 5;
    return acc + (int)total + scaled;
}
