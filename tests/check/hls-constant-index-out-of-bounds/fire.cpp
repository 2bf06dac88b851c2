#define N 16
void top(int a[N], int out[N]) {
    int buf[N];
    for (int i = 0; i <= N; i++) {
        buf[i] = a[i % N]; // FIRE
    }
    for (int i = 0; i < N; i++) {
        out[i] = buf[i + 1]; // FIRE
    }
    out[0] = buf[N]; // FIRE
}
