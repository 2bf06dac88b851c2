void top(int out[8]) {
    int buf[8][8];
#pragma HLS array_partition variable=buf type=complete dim=3 // FIRE
    int v[8];
#pragma HLS array_partition variable=v type=complete dim=-1 // FIRE
    for (int i = 0; i < 8; i++) {
        buf[i][0] = i;
        v[i] = buf[i][0];
        out[i] = v[i];
    }
}
// A pointer to plain elements has one dimension.
void gather(const int* src, int out[16]) {
#pragma HLS array_partition variable=src type=cyclic factor=2 dim=2 // FIRE
    for (int i = 0; i < 16; i++) {
        out[i] = src[i];
    }
}
#define SIDE 4
#define CUBE(v, a, b, c) v[a][b][c]
void volume(int CUBE(vox, SIDE, SIDE, SIDE), int out[SIDE]) {
#pragma HLS array_partition variable=vox type=complete dim=4 // FIRE
    for (int i = 0; i < 4; i++)
        out[i] = vox[i][i][i];
}
