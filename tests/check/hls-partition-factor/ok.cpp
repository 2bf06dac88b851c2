void top(int out[8]) {
    int a[8], b[8], c[8];
#pragma HLS array_partition variable=a type=complete dim=1
#pragma HLS array_partition variable=b type=cyclic factor=2 dim=1
#pragma HLS array_partition variable=c block factor=4
    for (int i = 0; i < 8; i++) {
        a[i] = b[i] = c[i] = i;
        out[i] = a[i] + b[i] + c[i];
    }
}
// Factors Vitis evaluates or we cannot: a const local, a template configuration member (known
// only per instantiation), a macro from a header we do not read.
template <class CONFIG_T> void layer(int data[CONFIG_T::n_in], int res[CONFIG_T::n_out]) {
#pragma HLS array_partition variable=data type=cyclic factor=CONFIG_T::reuse
    for (int i = 0; i < CONFIG_T::n_out; i++) {
        res[i] = data[i];
    }
}
void unroll_by_const(int in[32], int out[32]) {
    const int ways = 4;
    int part[32];
#pragma HLS array_partition variable=part type=block factor=ways
#pragma HLS array_partition variable=in type=cyclic factor=UNKNOWN_HEADER_WAYS
    for (int i = 0; i < 32; i++) {
        part[i] = in[i];
        out[i] = part[i];
    }
}
