void top(int a[32], int out[32]) {
    int buf[32];
#pragma HLS array_partition variable=buf type=cyclic factor=4 dim=1
    for (int i = 0; i < 32; i++) {
#pragma HLS unroll factor=4
        buf[i] = a[i];
    }
    for (int i = 0; i < 32; i++) {
        out[i] = buf[i];
    }
}
