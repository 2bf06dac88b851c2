#include <hls_stream.h>
void top(int in[64], int out[64]) {
#pragma HLS interface mode=m_axi port=in
#pragma HLS interface mode=m_axi port=buf // FIRE
#pragma HLS interface mode=ap_fifo port=missing // FIRE
    int buf[64];
    hls::stream<int> s;
    for (int i = 0; i < 64; i++) {
        buf[i] = in[i];
        out[i] = buf[i];
    }
}
