#include "ap_int.h"
static const ap_uint<8> k_table[4] = {1, 2, 3, 4};
// No USE site: masked reads, same-width copies, a counter kept in a wider signed holder
// (never negative), a constant table, and scalar configuration ports.
int quiet(const ap_uint<8> in[16], ap_uint<8> out[16], ap_uint<8> gain) {
    int acc = 0;
    ap_uint<4> count = 0;
    for (int i = 0; i < 16; i++) {
        acc += in[i] & 0x0F;
        ap_uint<8> copy = in[i];
        out[i] = copy;
        ap_int<9> holder = count;
        acc += holder * 3;
        count++;
        acc += k_table[i % 4];
        acc += gain;
    }
    int z = count;
    return acc + z;
}
