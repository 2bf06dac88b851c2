void scale(int a[64]) {
    int tmp[64];
#pragma HLS array_partition variable=tmp type=block factor=8 dim=1
    for (int i = 0; i < 64; i++) {
        tmp[i] = a[i] * 2;
        a[i] = tmp[i];
    }
}
