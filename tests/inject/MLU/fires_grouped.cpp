// A body unrolled by hand in groups of two statements, and lanes named p0..p3.
void sums(const int d[64], int n, int& out_a, int& out_b, int& out_p) {
    int a = 1, b = 0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        a += d[i];
        b += a;
        a += d[i + 1];
        b += a;
        a += d[i + 2];
        b += a;
        a += d[i + 3];
        b += a;
    }
    int p0 = 0, p1 = 0;
    for (int k = 0; k < 64; k += 2) {
        p0 += d[k] * 3;
        p1 += d[k + 1] * 3;
    }
    out_a = a;
    out_b = b;
    out_p = p0 + p1;
}
