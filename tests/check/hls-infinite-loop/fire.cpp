#include <ap_int.h>
void top(int a[8], int out[8]) {
    for (ap_uint<3> i = 0; i < 8; i++) { // FIRE
        out[i] = a[i];
    }
    for (int i = 0, j = 0; i < 8; j++) { // FIRE
        out[j % 8] = a[i];
    }
    int k = 4;
    while (k != 0) { // FIRE
        out[0] += a[k];
    }
    for (unsigned u = 7; u >= 0; u--) { // FIRE
        out[u % 8] = 0;
    }
}
