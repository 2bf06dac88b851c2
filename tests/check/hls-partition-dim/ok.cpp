void top(int out[8]) {
    int buf[8][8];
#pragma HLS array_partition variable=buf type=complete dim=2
    int v[8];
#pragma HLS array_partition variable=v type=complete dim=0
    for (int i = 0; i < 8; i++) {
        buf[i][0] = i;
        v[i] = buf[i][0];
        out[i] = v[i];
    }
}
void gather(const int* src, int out[16]) {
#pragma HLS array_partition variable=src type=cyclic factor=2 dim=1
    for (int i = 0; i < 16; i++) {
        out[i] = src[i];
    }
}
