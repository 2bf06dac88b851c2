void top(int a[8], int out[8], int n) {
#pragma HLS pipeline II=1
    for (int i = 0; i < 8; i++) {
#pragma HLS unroll
#pragma HLS loop_tripcount min=8 max=8
        out[i] = a[i] + n;
    }
}
// A loop written through a macro (as suites with their own loop helpers do): the pragma is at
// the top of the macro loop's body.
#define EACH(k, n) for (int k = 0; k < (n); k++)
void bump(int v[64]) {
    EACH(k, 64) {
#pragma HLS UNROLL factor=4
        v[k] += 1;
    }
}
