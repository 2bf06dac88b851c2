#define N 1024

extern "C" void gather(const int* values, const int* index, int* out) {
#pragma HLS interface m_axi port=values offset=slave bundle=gmem0 max_read_burst_length=64 // BUG(RAMB)
#pragma HLS interface m_axi port=index offset=slave bundle=gmem1
#pragma HLS interface m_axi port=out offset=slave bundle=gmem1
    for (int i = 0; i < N; i++) {
#pragma HLS pipeline II=1
        out[i] = values[index[i]];
    }
}
