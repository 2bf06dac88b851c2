// A pointer that is only dereferenced carries one value: it is no array port.
void tally(const int in[16], int* count, int* hist, int* trace) {
#pragma HLS INTERFACE mode=m_axi port=in offset=slave depth=16
#pragma HLS INTERFACE mode=s_axilite port=count
#pragma HLS INTERFACE mode=m_axi port=hist offset=slave depth=4
#pragma HLS INTERFACE mode=m_axi port=trace offset=slave depth=16
    int n = 0;
    for (int i = 0; i < 16; i++) {
        if (in[i] > 0) {
            n++;
        }
        hist[in[i] & 3] += 1;
        *trace++ = n;
    }
    *count = n;
}
