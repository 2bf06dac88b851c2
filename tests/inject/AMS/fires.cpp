int first(const int v[4]) {
#pragma HLS INTERFACE mode=bram port=v
    return v[0] + v[3];
}
