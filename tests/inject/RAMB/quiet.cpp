// Every port is indexed by the loop counter only.
void copy(const int src[16], int dst[16]) {
#pragma HLS INTERFACE mode=bram port=src
    for (int i = 0; i < 16; i++) {
        dst[i] = src[i];
    }
}
