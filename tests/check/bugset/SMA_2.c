#define N 16

void threshold(int in[N], int out[N], int limit) {
#pragma HLS INTERFACE bram port=limit // BUG(SMA)
    int i;
    for (i = 0; i < N; i++) {
        out[i] = in[i] > limit ? limit : in[i];
    }
}
