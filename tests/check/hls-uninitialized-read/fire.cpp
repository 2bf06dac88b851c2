typedef int acc_t;
void top(const int a[16], int out[2]) {
    acc_t acc;
    for (int i = 0; i < 16; i++) {
        acc += a[i]; // FIRE
    }
    out[0] = acc;
    int last;
    out[1] = last * 2; // FIRE
}
