void top(int a[8], int n, int* total) {
#pragma HLS interface mode=bram port=a
#pragma HLS interface mode=s_axilite port=n
#pragma HLS interface mode=m_axi port=total
    int s = 0;
    for (int i = 0; i < 8; i++) {
        s += a[i] * n;
    }
    *total = s;
}
#include "hls_burst_maxi.h"
// A manual-burst port is passed by value on purpose: it is a handle on its AXI master.
void copy_burst(hls::burst_maxi<int> src, int dst[64], int n) {
#pragma HLS interface mode=m_axi port=src depth=64
    src.read_request(0, n);
    for (int i = 0; i < n; i++) {
        dst[i] = src.read();
    }
}
