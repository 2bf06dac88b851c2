void top(const int in[64], int out[16]) {
    int buf[64];
#pragma HLS array_partition variable=buf type=cyclic factor=4 dim=1
    int blk[64];
#pragma HLS array_partition variable=blk type=block factor=4 dim=1
    for (int i = 0; i < 64; i++) {
        buf[i] = in[i];
        blk[i] = in[i];
    }
    for (int k = 0; k < 16; k++) {
        int acc = 0;
        for (int j = 0; j < 4; j++) {
#pragma HLS unroll
            acc += buf[k * 4 + j] + blk[j * 16 + k];
        }
        out[k] = acc;
    }
}

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
#pragma HLS array_partition variable=v type=cyclic factor=2 dim=1
    for (int i = 0; i < 32; i++) {
        v[i] = in[i];
    }
    return pair_sum<32>(v);
}

void lanes(const int in[32], int out[8], int phase) {
    int w[32];
#pragma HLS array_partition variable=w type=cyclic factor=4 dim=1
    int z[32];
#pragma HLS array_partition variable=z type=block factor=4 dim=1
    for (int i = 0; i < 32; i++) {
        w[i] = in[i];
        z[i] = in[i];
    }
    int base = 0;
    for (int b = 0; b < 8; b++) {
#pragma HLS unroll factor=4
        int idx = 2 * b + (phase & 1);
        out[b] = w[idx] + z[base + b * 8];
        base = base + 1;
    }
}

// One access per pipelined iteration: either type serves it.
int total(const int in[16]) {
    int t[16];
#pragma HLS array_partition variable=t type=block factor=2 dim=1
    int s = 0;
    for (int i = 0; i < 16; i++) {
#pragma HLS pipeline II=1
        t[i] = in[i];
        s += t[i];
    }
    return s;
}
