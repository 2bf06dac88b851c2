#include <ap_int.h>
typedef ap_uint<12> word_t;
void top(int a[8], unsigned long long out[8]) {
    word_t w = a[0];
    out[0] = w << 11;
    out[1] = 1ULL << 40;
    unsigned char c = a[1];
    out[2] = c << 8;
    out[3] = (unsigned long long)a[2] << 40;
}
