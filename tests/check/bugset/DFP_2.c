#define N 64

static void stage_a(int in[N], int mid[N]) {
    int i;
    for (i = 0; i < N; i++) {
        mid[i] = in[i] * 3;
    }
}

static void stage_b(int mid[N], int out[N]) {
    int i;
    for (i = 0; i < N; i++) {
        out[i] = mid[i] + 1;
    }
}

void chain(int in[N], int out[N], int steps) {
    int mid[N];
    int t;
    for (t = 0; t < steps; t++) {
#pragma HLS dataflow // BUG(DFP)
        stage_a(in, mid);
        stage_b(mid, out);
        in[0] = out[N - 1];
    }
}
