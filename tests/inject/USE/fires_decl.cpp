#include "ap_int.h"
#define NO_MATCH 200
// Declarations whose first value has its top bit set, later compared or shifted right: with
// the other signedness they start from a number of the other sign.
static const ap_uint<4> k_nibbles[4] = {0x3, 0xC, 0x9, 0x1};

int decl(const ap_uint<8> in[16], ap_uint<8> out[16], ap_int<24> wide[16]) {
    ap_uint<8> lo = 0xFF;
    ap_uint<8> best = NO_MATCH;
    static ap_uint<16> seed = 0xACE1;
    ap_int<8> floor = -100;
    for (int i = 0; i < 16; i++) {
        ap_uint<8> v = in[i];
        if (v < lo)
            lo = v;
        if (v > floor && v < best)
            best = v;
        seed >>= 1;
        // A difference kept whole after its shift: its sign bits stay visible.
        ap_int<12> d = v - lo;
        wide[i] = d >> 2;
        // A constant table whose entries reach the top bit, widened into a byte.
        ap_uint<8> nib = k_nibbles[i / 4];
        out[i] = nib + seed.range(7, 0);
    }
    return lo + best;
}

// No sites: a small start value, a shift whose sign bits are cut off, the high half of a
// byte shifted out, and a loop bound read from a table.
int quiet_decl(const ap_uint<12> in[16], const ap_uint<8> ends[4], ap_uint<4> seg[16],
               ap_uint<8> packed[16]) {
    ap_uint<8> small = 5;
    int total = 0;
    for (int i = 0; i < 16; i++) {
        ap_int<12> v = in[i] - 2048;
        seg[i] = v >> 8;
        if (in[i] > small)
            total++;
        ap_uint<8> hi = k_nibbles[i / 4];
        packed[i] = (hi << 4) | 0x5;
    }
    for (int b = 0; b < 4; b++) {
        int end = ends[b];
        for (int k = 0; k < end; k++) {
            total++;
        }
    }
    return total;
}

// A helper's scalar parameter fed port data: its signed copy shifts right arithmetically.
static ap_uint<16> shr(ap_uint<16> v, int k) {
    ap_int<16> s = v;
    return (ap_uint<16>)(s >> k);
}

int helper_caller(const ap_uint<16> in[4], ap_uint<16> out[4]) {
    for (int i = 0; i < 4; i++) {
        ap_uint<16> x = in[i];
        out[i] = shr(x, 3);
    }
    return 0;
}
