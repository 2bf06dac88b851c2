// Which partition types the APT rule may swap: only where iterations touch several elements of
// the array at once and the current type is the one that fits them.
template <int N>
static int pair_sum(const int x[N]) {
    int s = 0;
    for (int i = 0; i < N; i += 2) {
#pragma HLS pipeline II=1
        s += x[i] + x[i + 1];
    }
    return s;
}

int patterns(const int in[64], int out[16]) {
    int one[64];
#pragma HLS array_partition variable=one type=cyclic factor=2 dim=1
    int nbr[64];
#pragma HLS array_partition variable=nbr type=block factor=2 dim=1
    int pairs[64];
#pragma HLS array_partition variable=pairs type=cyclic factor=2 dim=1
    int rows[64];
#pragma HLS array_partition variable=rows type=block factor=4 dim=1
    int s = 0;
    for (int i = 0; i < 64; i++) {
#pragma HLS pipeline II=1
        one[i] = in[i];
        s += one[i];
        nbr[i] = in[i];
        pairs[i] = in[i];
        rows[i] = in[i];
    }
    for (int i = 1; i < 63; i++) {
#pragma HLS pipeline II=1
        out[i & 15] += nbr[i - 1] + nbr[i] + nbr[i + 1];
    }
    for (int i = 0; i < 16; i++) {
        int acc = 0;
        for (int k = 0; k < 4; k++) {
#pragma HLS unroll
            acc += rows[k * 16 + i];
        }
        out[i] += acc;
    }
    return s + pair_sum<64>(pairs);
}
