extern "C" void saxpy(const float* x, float* y, float alpha, int n) {
#pragma HLS interface m_axi port=x bundle=gmem
#pragma HLS interface m_axi port=y bundle=gmem
#pragma HLS interface m_axi port=alpha bundle=gmem // BUG(SMA)
#pragma HLS interface s_axilite port=n
    for (int i = 0; i < n; i++) {
        y[i] = alpha * x[i] + y[i];
    }
}
