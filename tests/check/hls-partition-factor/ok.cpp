void top(int out[8]) {
    int a[8], b[8], c[8];
#pragma HLS array_partition variable=a type=complete dim=1
#pragma HLS array_partition variable=b type=cyclic factor=2 dim=1
#pragma HLS array_partition variable=c block factor=4
    for (int i = 0; i < 8; i++) {
        a[i] = b[i] = c[i] = i;
        out[i] = a[i] + b[i] + c[i];
    }
}
