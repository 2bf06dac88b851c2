void top(int a[16], int* p, int n) {
#pragma HLS interface mode=bram port=a
#pragma HLS interface mode=ap_vld port=p
#pragma HLS interface mode=ap_none port=n
    for (int i = 0; i < 16; i++) {
        a[i] = *p + n;
    }
}

// A pointer to one value handed to a callee that only dereferences it.
static void bump(int* cnt) {
    *cnt = *cnt + 1;
}

void counter(int* cnt) {
#pragma HLS interface mode=ap_none port=cnt
    bump(cnt);
}
