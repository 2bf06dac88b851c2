// Vivado-era spellings, as older kernels still carry them.
struct sample {
    short re;
    short im;
};
void legacy(sample in[64], int out[64], int* bus) {
#pragma HLS DATA_PACK variable=in // FIRE
#pragma HLS INTERFACE ap_bus port=bus // FIRE
    int prod[64];
#pragma HLS RESOURCE variable=prod core=RAM_2P_BRAM // FIRE
    for (int i = 0; i < 64; i++) {
#pragma HLS PIPELINE II=1 enable_flush // FIRE
        prod[i] = in[i].re * in[i].im;
        out[i] = prod[i] + bus[i];
    }
}
