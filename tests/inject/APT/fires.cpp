void scale(int a[64]) {
    int tmp[64];
#pragma HLS ARRAY_PARTITION variable=tmp cyclic factor=4 dim=1
    for (int i = 0; i < 64; i++) {
#pragma HLS UNROLL factor=4
        tmp[i] = a[i] * 2;
    }
    for (int i = 0; i < 64; i++) {
        a[i] = tmp[i];
    }
}
