void mm(const int a[4][4], const int b[4][4], int c[4][4]) {
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
#pragma HLS PIPELINE II=1
            int s = 0;
            for (int k = 0; k < 4; k++) {
                s += a[i][k] * b[k][j];
            }
            c[i][j] = s;
        }
    }
}
