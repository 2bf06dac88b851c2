// Sums a window of samples; the loop walks the whole local buffer.
int window_sum(const int in[8]) {
    int buf[8];
    int total = 0;
    for (unsigned k = 0; k < 8; ++k) { buf[k] = in[k] * 3; }
    for (unsigned k = 0; k < 8; ++k)
    {
        total += buf[k];
    }
    return total;
}
