// Only the return port and an array port carry pragmas.
int first(const int v[4]) {
#pragma HLS INTERFACE bram port=v
#pragma HLS INTERFACE s_axilite port=return
    return v[0];
}
