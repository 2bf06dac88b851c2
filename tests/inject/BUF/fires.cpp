void smooth(const int in[32], int out[32]) {
    int lines[2][32];
    int side = 0;
    for (int i = 0; i < 32; i++) {
        lines[side][i] = in[i];
    }
    for (int i = 1; i < 31; i++) {
        out[i] = (lines[side][i - 1] + lines[side][i + 1]) / 2;
    }
}
