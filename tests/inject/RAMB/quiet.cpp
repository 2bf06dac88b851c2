// Every port is indexed by the loop counter, or by a computed index outside any pipeline
// (bursts are not expected there, and the checker does not flag it).
void copy(const int src[16], int dst[16], const int lut[16]) {
#pragma HLS INTERFACE mode=bram port=src
#pragma HLS INTERFACE mode=bram port=lut
    for (int i = 0; i < 16; i++) {
#pragma HLS pipeline II=1
        dst[i] = src[i];
    }
    for (int i = 0; i < 16; i++) {
        int k = (i * 7) & 15;
        dst[i] += lut[k];
    }
}
