// 1-D convolution with a 4-tap kernel followed by ReLU. The tap loop is unrolled by hand into
// four products; a line buffer keeps the last taps.
#define WIDTH 128
#define K 4

void conv1d_relu(const short in[WIDTH], const short kernel[K], short out[WIDTH - K + 1]) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=128
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1 depth=125
#pragma HLS INTERFACE s_axilite port=kernel
#pragma HLS INTERFACE s_axilite port=return
    short w[K];
    short line[K];
#pragma HLS ARRAY_PARTITION variable=w type=complete dim=1
#pragma HLS ARRAY_PARTITION variable=line type=complete dim=1

load_kernel:
    for (int k = 0; k < K; k++) {
#pragma HLS PIPELINE II=1
        w[k] = kernel[k];
        line[k] = 0;
    }

slide_loop:
    for (int x = 0; x < WIDTH; x++) {
#pragma HLS PIPELINE II=1
        line[0] = line[1];
        line[1] = line[2];
        line[2] = line[3];
        line[3] = in[x];
        if (x >= K - 1) {
            int acc = line[0] * w[0];
            acc += line[1] * w[1];
            acc += line[2] * w[2];
            acc += line[3] * w[3];
            out[x - K + 1] = acc > 0 ? (short)acc : (short)0;
        }
    }
}
