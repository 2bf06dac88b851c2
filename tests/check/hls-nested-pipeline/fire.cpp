void top(int a[8][8], int out[8]) {
outer:
    for (int i = 0; i < 8; i++) {
#pragma HLS pipeline II=1
        int acc = 0;
    inner:
        for (int j = 0; j < 8; j++) {
#pragma HLS pipeline II=1 // FIRE
            acc += a[i][j];
        }
        out[i] = acc;
    }
}
// Brace-less loops: the pragma line under a loop header belongs to that loop (as in Vitis), so
// the inner pipeline nests in the outer one.
void rows(int a[64], int out[8]) {
    for (int i = 0; i < 8; i++) {
#pragma HLS pipeline II=1
        for (int j = 0; j < 8; j++)
#pragma HLS pipeline II=1 // FIRE
            out[i] += a[i * 8 + j];
    }
}
