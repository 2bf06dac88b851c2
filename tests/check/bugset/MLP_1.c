#define NI 32
#define NJ 32

void kernel_sum(int A[NI][NJ], int s[NI]) {
    int i, j;
    for (i = 0; i < NI; i++) {
#pragma HLS pipeline II=1
        s[i] = 0;
        for (j = 0; j < NJ; j++) {
#pragma HLS pipeline II=1 // BUG(MLP)
            s[i] += A[i][j];
        }
    }
}
