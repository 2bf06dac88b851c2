#include <ap_int.h>
void top(int a[8], int out[8], int n) {
    for (ap_uint<4> i = 0; i < 8; i++) {
        out[i] = a[i];
    }
    int k = 4;
    while (k != 0) {
        out[0] += a[k];
        k--;
    }
    while (true) {
        if (out[0] > n) break;
        out[0]++;
    }
    for (int u = 7; u >= 0; u--) {
        out[u] = 0;
    }
}
