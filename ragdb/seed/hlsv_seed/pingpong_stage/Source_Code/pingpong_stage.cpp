// A two-stage pipeline with a ping-pong buffer: while the producer fills one half of `buf`,
// the consumer scales the other half. Frames alternate between the halves.
#define FRAME 32
#define FRAMES 4

static void produce(const int* src, int buf[2][FRAME], int frame) {
    int bank = frame & 1;
fill_loop:
    for (int i = 0; i < FRAME; i++) {
#pragma HLS PIPELINE II=1
        buf[bank][i] = src[frame * FRAME + i];
    }
}

static void consume(int buf[2][FRAME], int* dst, int frame, int gain) {
    int bank = frame & 1;
drain_loop:
    for (int i = 0; i < FRAME; i++) {
#pragma HLS PIPELINE II=1
        dst[frame * FRAME + i] = buf[bank][i] * gain;
    }
}

void pingpong_stage(const int src[FRAME * FRAMES], int dst[FRAME * FRAMES], int gain) {
#pragma HLS INTERFACE m_axi port=src offset=slave bundle=gmem0 depth=128
#pragma HLS INTERFACE m_axi port=dst offset=slave bundle=gmem1 depth=128
#pragma HLS INTERFACE s_axilite port=gain
#pragma HLS INTERFACE s_axilite port=return
    int buf[2][FRAME];
#pragma HLS ARRAY_PARTITION variable=buf type=complete dim=1

frame_loop:
    for (int f = 0; f < FRAMES; f++) {
#pragma HLS DATAFLOW
        produce(src, buf, f);
        consume(buf, dst, f, gain);
    }
}
