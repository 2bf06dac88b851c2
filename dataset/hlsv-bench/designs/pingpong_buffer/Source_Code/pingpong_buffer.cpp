// pingpong_buffer.cpp - block processor with explicit ping-pong buffers:
// while block b is consumed from one buffer, block b+1 is loaded into the
// other. The consumer emits a weighted, reversed copy of each block.
#define PP_BLOCK 8
#define PP_NBLOCKS 6
#define PP_TOTAL (PP_BLOCK * PP_NBLOCKS)

static void fill_block(int buf[PP_BLOCK], const int* src, int blk) {
#pragma HLS inline off
fill_loop:
    for (int i = 0; i < PP_BLOCK; i++) {
#pragma HLS pipeline II=1
        buf[i] = src[blk * PP_BLOCK + i];
    }
}

static void drain_block(const int buf[PP_BLOCK], int* dst, int blk) {
#pragma HLS inline off
    int carry = blk + 1;
drain_loop:
    for (int i = 0; i < PP_BLOCK; i++) {
#pragma HLS pipeline II=1
        int v = buf[PP_BLOCK - 1 - i] * (i + 1) + carry;
        carry = v & 0xFF;
        dst[blk * PP_BLOCK + i] = v;
    }
}

void pingpong_buffer(const int in[PP_TOTAL], int out[PP_TOTAL]) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=48
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1 depth=48
#pragma HLS INTERFACE s_axilite port=return
    int buf_a[PP_BLOCK];
    int buf_b[PP_BLOCK];
#pragma HLS bind_storage variable=buf_a type=ram_2p impl=lutram
#pragma HLS bind_storage variable=buf_b type=ram_2p impl=lutram

    bool use_b = false;
    fill_block(buf_a, in, 0);
block_loop:
    for (int blk = 0; blk < PP_NBLOCKS; blk++) {
        if (use_b) {
            if (blk + 1 < PP_NBLOCKS) fill_block(buf_a, in, blk + 1);
            drain_block(buf_b, out, blk);
        } else {
            if (blk + 1 < PP_NBLOCKS) fill_block(buf_b, in, blk + 1);
            drain_block(buf_a, out, blk);
        }
        use_b = !use_b;
    }
}
