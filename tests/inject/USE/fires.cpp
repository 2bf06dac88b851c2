#include "ap_int.h"
int widen(int raw) {
    ap_uint<8> b = raw;
    int wide = b;
    return wide;
}
