#include <hls_stream.h>
static int table[8];
void top(int a[8], int out[8]) {
    int buf[8];
    hls::stream<int> s;
#pragma HLS array_partition variable=buf type=complete
#pragma HLS array_partition variable=table type=complete
#pragma HLS array_partition variable=a type=complete
#pragma HLS stream variable=s depth=4
    for (int i = 0; i < 8; i++) {
        buf[i] = a[i] + table[i];
        out[i] = buf[i];
    }
}
