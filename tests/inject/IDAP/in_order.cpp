// in: read once in row-major order through a linearised index, and win: written once in order
// with offsets: a FIFO would do for both (no site). strided: read at every other address, and
// lut: read at an index loaded from data (sites).
void tile(const int in[64], const int strided[128], const int lut[16], int win[36]) {
#pragma HLS INTERFACE mode=m_axi port=in offset=slave
#pragma HLS INTERFACE mode=m_axi port=strided offset=slave
#pragma HLS INTERFACE mode=bram port=lut
#pragma HLS INTERFACE mode=m_axi port=win offset=slave
    for (int r = 0; r < 8; r++) {
        for (int c = 0; c < 8; c++) {
#pragma HLS pipeline II=1
            int v = in[r * 8 + c] + strided[2 * (r * 8 + c)];
            int k = v & 15;
            if (r >= 2 && c >= 2) win[(r - 2) * 6 + (c - 2)] = v + lut[k];
        }
    }
}
