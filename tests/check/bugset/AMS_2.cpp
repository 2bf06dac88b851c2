extern "C" void copy(const int* src, int* dst, int n) {
#pragma HLS interface m_axi port=src bundle=gmem0
#pragma HLS interface mode=ap_vld port=dst // BUG(AMS)
    for (int i = 0; i < n; i++) {
        dst[i] = src[i];
    }
}
