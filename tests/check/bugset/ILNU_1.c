#define N 8
#define M 100

void outer_unroll(int a[N][M], int b[N]) {
    int i, j;
    for (i = 0; i < N; i++) {
#pragma HLS unroll // BUG(ILNU)
        int acc = 0;
        for (j = 0; j < M; j++) {
            acc += a[i][j];
        }
        b[i] = acc;
    }
}
