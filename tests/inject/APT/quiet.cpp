// Complete partitioning has no type to swap.
void scale(int a[8]) {
    int tmp[8];
#pragma HLS array_partition variable=tmp complete
    for (int i = 0; i < 8; i++) {
        tmp[i] = a[i] * 2;
        a[i] = tmp[i];
    }
}
