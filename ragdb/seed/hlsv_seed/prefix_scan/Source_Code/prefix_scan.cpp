// Inclusive prefix sum and running product of a block, then a search for the first index
// where the sum passes a threshold (a data-dependent while loop).
#define N 64

int prefix_scan(const int in[N], int sums[N], long long* product, int threshold) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=64
#pragma HLS INTERFACE m_axi port=sums offset=slave bundle=gmem1 depth=64
#pragma HLS INTERFACE s_axilite port=product
#pragma HLS INTERFACE s_axilite port=threshold
#pragma HLS INTERFACE s_axilite port=return
    int local[N];
#pragma HLS ARRAY_PARTITION variable=local type=cyclic factor=4 dim=1
    int running = 0;
    long long prod = 1;

scan_loop:
    for (int i = 0; i < N; i++) {
#pragma HLS PIPELINE II=1
        running += in[i];
        local[i] = running;
        prod *= (in[i] == 0 ? 1 : in[i]);
    }

copy_loop:
    for (int i = 0; i < N; i += 4) {
#pragma HLS PIPELINE II=1
        for (int u = 0; u < 4; u++) {
#pragma HLS UNROLL
            sums[i + u] = local[i + u];
        }
    }

    int idx = 0;
search_loop:
    while (idx < N && local[idx] < threshold) {
        idx++;
    }
    *product = prod;
    return idx;
}
