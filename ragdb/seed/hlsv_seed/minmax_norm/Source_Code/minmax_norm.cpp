// Min-max normalization of a block to the range [0, 255]: one pass finds the extremes, a
// second pass rescales. A scale of 1 guards a flat block against division by zero.
#define SIZE 100

void minmax_norm(const int in[SIZE], unsigned char out[SIZE]) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=100
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1 depth=100
#pragma HLS INTERFACE s_axilite port=return
    int buf[SIZE];
#pragma HLS ARRAY_PARTITION variable=buf type=cyclic factor=4 dim=1
    int lo = 2147483647;
    int hi = -2147483647 - 1;
    int range = 1;

scan_loop:
    for (int i = 0; i < SIZE; i++) {
#pragma HLS PIPELINE II=1
        int v = in[i];
        buf[i] = v;
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }

    if (hi > lo) {
        range = hi - lo;
    }

scale_loop:
    for (int i = 0; i < SIZE; i++) {
#pragma HLS PIPELINE II=1
        long long num = (long long)(buf[i] - lo) * 255;
        out[i] = (unsigned char)(num / range);
    }
}
