void clear(float *dst, int n) {
    for (int j = n - 1; j >= 0; --j) {
        dst[j] = 0.0f;
    }
}
