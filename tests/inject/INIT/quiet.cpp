// Declarations without initializers, and a constant: nothing to remove. A bool starting false
// is left alone (the simulator's pattern fill is false too, so removing it changes nothing), and
// so is a value popped from a stream (dropping the read is another bug than a missing init).
#include "hls_stream.h"

int pick(int a, int b, hls::stream<int>& in) {
    int r;
    const int bias = 3;
    bool seen = false;
    int first = in.read();
    r = a > b ? a : b;
    if (!seen) {
        r += first;
    }
    return r + bias;
}
