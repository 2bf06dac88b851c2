#include <ap_int.h>
#include <stdint.h>
void top(const uint8_t bytes[4], const int8_t sb[4], uint32_t* word, ap_uint<8> s, ap_int<16>* wide) {
    uint32_t w = 0;
    for (int i = 0; i < 4; i++) {
        w |= bytes[i];
        w |= sb[i] & 0xFF;
        w <<= 8;
    }
    *word = w;
    ap_int<16> t = s;
    *wide = t;
}
