// emit: a bram port whose second subscript is loaded from data (it becomes m_axi).
// lut: an ap_memory port read at an address computed in the pipelined loop; its RAM-only
// storage_type option is dropped with the new mode.
void score(const int obs[32], const int emit[4][4], const short lut[64], int out[32][4]) {
#pragma HLS INTERFACE mode=m_axi port=obs offset=slave
#pragma HLS INTERFACE mode=bram port=emit
#pragma HLS INTERFACE mode=ap_memory port=lut storage_type=ram_1p
#pragma HLS INTERFACE mode=m_axi port=out offset=slave
    for (int t = 0; t < 32; t++) {
        for (int s = 0; s < 4; s++) {
#pragma HLS pipeline II=1
            int o = t * 5 + s;
            out[t][s] = emit[s][obs[t] & 3] + lut[o & 63];
        }
    }
}
