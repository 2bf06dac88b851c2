void top(int a[16], int* p, int n) {
#pragma HLS interface mode=bram port=a
#pragma HLS interface mode=ap_vld port=p
#pragma HLS interface mode=ap_none port=n
    for (int i = 0; i < 16; i++) {
        a[i] = *p + n;
    }
}
