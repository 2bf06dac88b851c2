void blur(const int in[8][8], int out[8][8]) {
    for (int r = 0; r < 8; r++) {
        for (int c = 0; c < 8; c++) {
            out[r][c] = in[r][c] >> 1;
        }
    }
}
