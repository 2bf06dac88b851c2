typedef int acc_t;
void fill(int* p);
void top(const int a[16], int out[3]) {
    acc_t acc = 0;
    for (int i = 0; i < 16; i++) {
        acc += a[i];
    }
    out[0] = acc;
    int prev;
    for (int i = 0; i < 16; i++) {
        if (i > 0) {
            out[1] += prev;
        }
        prev = a[i];
    }
    int x;
    fill(&x);
    int buf[4];
    fill(buf);
    out[2] = x + buf[0];
}
