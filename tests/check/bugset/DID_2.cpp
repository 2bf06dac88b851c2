const int LEN = 256;

extern "C" void copy_words(const int src[LEN], int dst[LEN]) {
    int tmp[LEN];
#pragma HLS array_reshape variable=tmp cyclic factor=4 dim=2 // BUG(DID)
    for (int i = 0; i < LEN; i++) {
        tmp[i] = src[i];
    }
    for (int i = 0; i < LEN; i++) {
        dst[i] = tmp[i];
    }
}
