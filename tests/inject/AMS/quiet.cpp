// Scalar ports only.
int add(int a, int b) {
#pragma HLS INTERFACE mode=s_axilite port=a
    return a + b;
}
