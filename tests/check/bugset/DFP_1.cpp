#include <hls_stream.h>

static void produce(const int* in, hls::stream<int>& s, int n) {
    for (int i = 0; i < n; i++) {
        s.write(in[i]);
    }
}

static void consume(hls::stream<int>& s, int* out, int n) {
    for (int i = 0; i < n; i++) {
        out[i] = s.read() + 1;
    }
}

extern "C" void pipe_top(const int* in, int* out, int n) {
    hls::stream<int> s;
    int acc = 0;
    for (int rep = 0; rep < 4; rep++) {
#pragma HLS dataflow // BUG(DFP)
        acc += rep;
        produce(in, s, n);
        consume(s, out, n);
    }
    out[0] += acc;
}
