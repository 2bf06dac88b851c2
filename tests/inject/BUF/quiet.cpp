// One flat buffer: no halves to confuse.
void copy(const int in[32], int out[32]) {
    int tmp[32];
    for (int i = 0; i < 32; i++) {
        tmp[i] = in[i];
    }
    for (int i = 0; i < 32; i++) {
        out[i] = tmp[i];
    }
}
