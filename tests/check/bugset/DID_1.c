#define N 32

void gemm(int m1[N][N], int m2[N][N], int prod[N][N]) {
#pragma HLS array_partition variable=m2 complete dim=3 // BUG(DID)
    int i, j, k;
    for (i = 0; i < N; i++) {
        for (j = 0; j < N; j++) {
            int sum = 0;
            for (k = 0; k < N; k++) {
                sum += m1[i][k] * m2[k][j];
            }
            prod[i][j] = sum;
        }
    }
}
