void add4(const int a[16], const int b[16], int c[16]) {
    for (int i = 0; i < 16; i += 4) {
        c[i] = a[i] + b[i];
        c[i + 1] = a[i + 1] + b[i + 1];
        c[i + 2] = a[i + 2] + b[i + 2];
        c[i + 3] = a[i + 3] + b[i + 3];
    }
}
