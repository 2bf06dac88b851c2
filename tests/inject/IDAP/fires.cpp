void reverse(const int src[16], int dst[16]) {
#pragma HLS INTERFACE bram port=src
#pragma HLS INTERFACE bram port=dst
    for (int i = 0; i < 16; i++) {
        dst[i] = src[15 - i];
    }
}
