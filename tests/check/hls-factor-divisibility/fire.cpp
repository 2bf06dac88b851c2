void top(int a[30], int out[30]) {
    int buf[30];
#pragma HLS array_partition variable=buf type=cyclic factor=4 dim=1 // FIRE
    for (int i = 0; i < 30; i++) {
#pragma HLS unroll factor=4 // FIRE
        buf[i] = a[i];
    }
    for (int i = 0; i < 30; i++) {
        out[i] = buf[i];
    }
}
// Array parameters a macro declares, with a size qualifier macro that expands to nothing (as
// some benchmark suites write them): the sizes are still known.
#define GRID_QUAL
#define ROWS 12
#define COLS 10
#define GRID(v, r, c) v[GRID_QUAL r][c]
void blur(float GRID(img, ROWS, COLS), float GRID(out, ROWS, COLS)) {
#pragma HLS array_partition variable=img type=cyclic factor=5 dim=1 // FIRE
#pragma HLS array_partition variable=out type=block factor=5 dim=2
    for (int i = 0; i < 12; i++)
        for (int j = 0; j < 10; j++)
            out[i][j] = img[i][j] * 0.5f;
}
