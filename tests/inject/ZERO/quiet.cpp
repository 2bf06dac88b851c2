// Every initializer is already zero, or pops a stream (zeroing it would leave the stream unread:
// another bug than a zeroed initial value).
#include "hls_stream.h"

int sum(const int *v, int n, hls::stream<int>& in) {
    int s = 0;
    int bias = in.read();
    for (int i = 0; i < n; i++) {
        s += v[i];
    }
    return s + bias;
}
