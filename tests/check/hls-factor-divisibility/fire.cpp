void top(int a[30], int out[30]) {
    int buf[30];
#pragma HLS array_partition variable=buf type=cyclic factor=4 dim=1 // FIRE
    for (int i = 0; i < 30; i++) {
#pragma HLS unroll factor=4 // FIRE
        buf[i] = a[i];
    }
    for (int i = 0; i < 30; i++) {
        out[i] = buf[i];
    }
}
