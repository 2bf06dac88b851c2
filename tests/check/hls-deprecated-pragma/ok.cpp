// The same kernel in current spelling.
struct sample {
    short re;
    short im;
};
void current(sample in[64], int out[64], int* bus) {
#pragma HLS AGGREGATE variable=in compact=bit
#pragma HLS INTERFACE mode=m_axi port=bus depth=64
    int prod[64];
#pragma HLS BIND_STORAGE variable=prod type=ram_2p impl=bram
    for (int i = 0; i < 64; i++) {
#pragma HLS PIPELINE II=1 style=flp
        prod[i] = in[i].re * in[i].im;
        out[i] = prod[i] + bus[i];
    }
}
