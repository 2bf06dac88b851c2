/* prefix_sum.c - inclusive prefix sum of 32 ints (Hillis-Steele scan).
 * Each of the log2(N) passes reads one half of buf and writes the other. */
#define PS_N 32
#define PS_LOG2N 5

void prefix_sum(const int in[PS_N], int out[PS_N], int *total) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem depth=32
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem depth=32
#pragma HLS INTERFACE s_axilite port=total
#pragma HLS INTERFACE s_axilite port=return
    int buf[2][PS_N];
#pragma HLS array_partition variable=buf complete dim=1
#pragma HLS array_partition variable=buf cyclic factor=4 dim=2
    int i, s;
    int cur = 0;

load:
    for (i = 0; i < PS_N; i++) {
#pragma HLS pipeline II=1
        buf[0][i] = in[i];
    }

pass_loop:
    for (s = 0; s < PS_LOG2N; s++) {
        int offset = 1 << s;
    elem_loop:
        for (i = 0; i < PS_N; i++) {
#pragma HLS pipeline II=1
            int v = buf[cur][i];
            if (i >= offset)
                v += buf[cur][i - offset];
            buf[1 - cur][i] = v;
        }
        cur = 1 - cur;
    }

store:
    for (i = 0; i < PS_N; i++) {
#pragma HLS pipeline II=1
        out[i] = buf[cur][i];
    }
    *total = buf[cur][PS_N - 1];
}
