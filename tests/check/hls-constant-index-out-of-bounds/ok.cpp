#define N 16
void top(int a[N], int out[N]) {
    int buf[N];
    for (int i = 0; i < N; i++) {
        buf[i] = a[i];
    }
    for (int i = 0; i < N; i++) {
        if (i + 1 < N) {
            out[i] = buf[i + 1];
        }
    }
    for (int i = 0; i < N; i++) {
        if (i == 0) continue;
        out[i] = buf[i - 1];
    }
    out[0] = buf[N - 1];
}
