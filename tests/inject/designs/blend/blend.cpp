// blend.cpp - alpha-blends two 16-sample rows; written as a plain C-style kernel.
#define BL_N 16

void blend(const int a[BL_N], const int b[BL_N], int out[BL_N], int alpha) {
#pragma HLS INTERFACE mode = m_axi port = a offset = slave
#pragma HLS INTERFACE mode = m_axi port = b offset = slave
#pragma HLS INTERFACE mode = m_axi port = out offset = slave
#pragma HLS INTERFACE mode = s_axilite port = alpha
    int weight = 256 - alpha;
    int acc[BL_N];
#pragma HLS array_partition variable = acc type = cyclic factor = 4 dim = 1
    for (int k = 0; k < BL_N; k++) {
#pragma HLS pipeline II = 1
        acc[k] = a[k] * alpha + b[k] * weight;
    }
    for (int k = 0; k < BL_N; k++) {
        out[k] = (acc[k] + 128) >> 8;
    }
}
