// rows: pipelined, inner loop unrolled: the pipeline becomes an unroll and the inner unroll
// goes, in one edit. cols: pipelined, inner loop without pragma: the pipeline becomes an
// unroll. The loops inside the pipelines are no sites.
void nests(const int in[8][4], int out[8], int acc[4]) {
rows:
    for (int r = 0; r < 8; r++) {
#pragma HLS pipeline II=1
        int s = 0;
    taps:
        for (int c = 0; c < 4; c++) {
#pragma HLS unroll
            s += in[r][c];
        }
        out[r] = s;
    }
cols:
    for (int c = 0; c < 4; c++) {
#pragma HLS pipeline II=4
        int s = 0;
        for (int r = 0; r < 8; r++) {
            s += in[r][c];
        }
        acc[c] = s;
    }
}
