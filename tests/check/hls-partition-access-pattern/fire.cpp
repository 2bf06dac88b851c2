void top(const int in[64], int out[16]) {
    int buf[64];
#pragma HLS array_partition variable=buf type=block factor=4 dim=1 // FIRE
    for (int i = 0; i < 64; i++) {
        buf[i] = in[i];
    }
    for (int k = 0; k < 16; k++) {
        int acc = 0;
        for (int j = 0; j < 4; j++) {
#pragma HLS unroll
            acc += buf[k * 4 + j];
        }
        out[k] = acc;
    }
}

// The array is read by a callee: two neighbours per pipelined iteration.
template <int N>
static int pair_sum(const int x[N]) {
    int s = 0;
    for (int i = 0; i < N; i += 2) {
#pragma HLS pipeline II=1
        s += x[i] + x[i + 1];
    }
    return s;
}

int pairs(const int in[32]) {
    int v[32];
#pragma HLS array_partition variable=v type=block factor=2 dim=1 // FIRE
    for (int i = 0; i < 32; i++) {
        v[i] = in[i];
    }
    return pair_sum<32>(v);
}

// The subscript is a local computed from the unrolled counter and a run-time parameter.
void lanes(const int in[32], int out[8], int phase) {
    int w[32];
#pragma HLS array_partition variable=w type=block factor=4 dim=1 // FIRE
    for (int i = 0; i < 32; i++) {
        w[i] = in[i];
    }
    for (int b = 0; b < 8; b++) {
#pragma HLS unroll factor=4
        int idx = 2 * b + (phase & 1);
        out[b] = w[idx];
    }
}
