void top(int a[8], int out[8]) {
    int buf[8];
    int acc = 0;
#pragma HLS array_partition variable=bufx type=complete // FIRE
#pragma HLS array_partition variable=acc type=complete // FIRE
#pragma HLS stream variable=nothing depth=4 // FIRE
    for (int i = 0; i < 8; i++) {
        buf[i] = a[i];
        acc += buf[i];
        out[i] = acc;
    }
}
