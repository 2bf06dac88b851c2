/* moving_average.c - 8-tap moving average over signed 8-bit samples with a
 * circular window kept in static state across calls (plain C). The window
 * sum is updated incrementally; the output is the floor mean (sum >> 3). */
#define MA_WIN 8
#define MA_LOG2_WIN 3
#define MA_MAX_N 64

void moving_average(const signed char in[MA_MAX_N], short out[MA_MAX_N], int n, int reset) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem depth=64
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem depth=64
#pragma HLS INTERFACE s_axilite port=n
#pragma HLS INTERFACE s_axilite port=reset
#pragma HLS INTERFACE s_axilite port=return
    static signed char window[MA_WIN];
    static int wsum;
    static unsigned char head;
    int i, k;
#pragma HLS array_partition variable=window complete

    if (reset) {
    clear_loop:
        for (k = 0; k < MA_WIN; k++) {
#pragma HLS unroll
            window[k] = 0;
        }
        wsum = 0;
        head = 0;
    }

sample_loop:
    for (i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=1 max=64
#pragma HLS pipeline II=1
        int x = in[i];
        wsum += x - window[head];
        window[head] = in[i];
        head = (unsigned char)((head + 1) & (MA_WIN - 1));
        out[i] = (short)(wsum >> MA_LOG2_WIN);
    }
}
