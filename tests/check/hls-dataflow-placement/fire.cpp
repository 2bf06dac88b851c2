void stage(int* a, int* b);
void top(int a[8], int b[8], int n) {
    for (int k = 0; k < n; k++) {
#pragma HLS dataflow // FIRE
        int t = a[k] * 2;
        b[k] = t;
    }
    if (n > 0) {
#pragma HLS dataflow // FIRE
        stage(a, b);
    }
}
