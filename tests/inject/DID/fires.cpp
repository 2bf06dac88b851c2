void transpose(int m[4][4]) {
    int t[4][4];
#pragma HLS array_partition variable=t complete dim=2
    for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
            t[c][r] = m[r][c];
        }
    }
    for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
            m[r][c] = t[r][c];
        }
    }
}
