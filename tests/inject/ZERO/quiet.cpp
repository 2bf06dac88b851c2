// Every initializer is already zero, pops a stream (zeroing it would leave the stream unread:
// another bug than a zeroed initial value), or computes a value from others (zeroing a
// computation is not dropping an initial value).
#include "hls_stream.h"

int sum(const int *v, int n, hls::stream<int>& in) {
    int s = 0;
    int bias = in.read();
    int first_two = v[0] + v[1];
    int scaled = n * 4;
    for (int i = 0; i < n; i++) {
        s += v[i];
    }
    return s + bias + first_two + scaled;
}
