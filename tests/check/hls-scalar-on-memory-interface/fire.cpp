void top(int a[8], int n, int* total) {
#pragma HLS interface mode=bram port=a
#pragma HLS interface mode=m_axi port=n // FIRE
#pragma HLS interface mode=bram port=total // FIRE
    int s = 0;
    for (int i = 0; i < 8; i++) {
        s += a[i] * n;
    }
    *total = s;
}
