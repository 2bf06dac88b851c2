#include <ap_int.h>
typedef ap_uint<12> word_t;
void top(int a[8], unsigned out[8]) {
    word_t w = a[0];
    out[0] = w << 12; // FIRE
    out[1] = 1 << 32; // FIRE
    unsigned u = a[1];
    out[2] = u >> 40; // FIRE
}
