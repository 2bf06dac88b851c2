#include <ap_int.h>
#include <stdint.h>
void top(const int8_t bytes[4], uint32_t* word, ap_int<8> s, ap_uint<16>* wide) {
    uint32_t w = 0;
    for (int i = 0; i < 4; i++) {
        w |= bytes[i]; // FIRE
        w <<= 8;
    }
    *word = w;
    ap_uint<16> t = s; // FIRE
    *wide = t;
}
