int product(const int *v, int n) {
    int p = 1;
    for (int i = 0; i < n; i++) {
        p *= v[i];
    }
    return p;
}
