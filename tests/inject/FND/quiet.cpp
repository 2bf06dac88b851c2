// No factor can fail to divide: the only array has two elements (every factor of 2 divides),
// and the loop's trip count is only known at run time.
void scale(int a[2], int n, int* acc) {
    int tmp[2];
#pragma HLS array_partition variable=tmp complete
    for (int i = 0; i < n; i++) {
        tmp[i & 1] = a[i & 1] * 2;
        *acc += tmp[i & 1];
    }
}
