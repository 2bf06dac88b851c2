void top(int out[8]) {
    int a[8], b[8], c[8];
#pragma HLS array_partition variable=a type=complete factor=2 dim=1 // FIRE
#pragma HLS array_partition variable=b type=cyclic dim=1 // FIRE
#pragma HLS array_partition variable=c block factor=1 // FIRE
    for (int i = 0; i < 8; i++) {
        a[i] = b[i] = c[i] = i;
        out[i] = a[i] + b[i] + c[i];
    }
}
// A run-time value cannot size the banks.
void scale(int in[64], int out[64], int banks) {
    int tmp[64];
#pragma HLS array_partition variable=tmp type=cyclic factor=banks // FIRE
    for (int i = 0; i < 64; i++) {
        tmp[i] = in[i];
        out[i] = tmp[i] * 2;
    }
}
