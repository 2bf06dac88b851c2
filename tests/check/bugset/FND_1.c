#define SIZE 100

void scale(int a[SIZE], int b[SIZE]) {
#pragma HLS array_partition variable=a cyclic factor=3 dim=1 // BUG(FND)
    int i;
loop:
    for (i = 0; i < SIZE; i++) {
#pragma HLS unroll factor=4
        b[i] = a[i] * 5;
    }
}
