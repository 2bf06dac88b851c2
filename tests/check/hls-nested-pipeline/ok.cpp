void top(int a[8][8], int out[8]) {
outer:
    for (int i = 0; i < 8; i++) {
        int acc = 0;
    inner:
        for (int j = 0; j < 8; j++) {
#pragma HLS pipeline II=1
            acc += a[i][j];
        }
        out[i] = acc;
    }
}
// A pipeline under a brace-less loop header pipelines that loop only; the function is not
// pipelined, and the labelled loop below is not nested in anything pipelined.
void copy2d(int a[64], int b[64]) {
tile:
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++)
#pragma HLS PIPELINE II=1
            b[i * 8 + j] = a[i * 8 + j];
rows:
    for (int m = 0; m < 8; m++) {
#pragma HLS PIPELINE
        for (int n = 0; n < 8; n++) {
            b[m * 8 + n] += n;
        }
    }
}
