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
// Clearing both halves: swapping which half a clear hits is rarely observable.
void clear_halves(int buf[2][8]) {
    for (int c = 0; c < 8; c++) {
        buf[0][c] = 0;
        buf[1][c] = 0;
    }
}
