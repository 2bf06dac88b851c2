void top(int a[16], int* p, int n) {
#pragma HLS interface mode=ap_none port=a // FIRE
#pragma HLS interface mode=ap_vld port=p // FIRE
#pragma HLS interface mode=ap_none port=n
    for (int i = 0; i < 16; i++) {
        a[i] = p[i] + n;
    }
}

// A pointer handed to a callee that indexes it is an array port too.
static void fill(int* dst, int n) {
    for (int i = 0; i < n; i++) {
        dst[i] = i;
    }
}

void wrap(int* out, int n) {
#pragma HLS interface mode=ap_none port=out // FIRE
#pragma HLS interface mode=s_axilite port=n
    fill(out, n);
}
