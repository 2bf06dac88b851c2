// sobel_edge.cpp - load / filter / store stages in a dataflow region with
// local frame buffers between them.
#include "sobel_edge.h"

static void load_frame(const pix_t in[SB_H][SB_W], pix_t frame[SB_H][SB_W]) {
#pragma HLS inline off
ld_row:
    for (int r = 0; r < SB_H; r++) {
    ld_col:
        for (int c = 0; c < SB_W; c++) {
#pragma HLS pipeline II=1
            frame[r][c] = in[r][c];
        }
    }
}

static void filter_frame(const pix_t frame[SB_H][SB_W], pix_t mag[SB_H][SB_W], pix_t threshold,
                         int& edge_count) {
#pragma HLS inline off
    int edges = 0;
f_row:
    for (int r = 0; r < SB_H; r++) {
    f_col:
        for (int c = 0; c < SB_W; c++) {
#pragma HLS pipeline II=1
            if (r == 0 || c == 0 || r == SB_H - 1 || c == SB_W - 1) {
                mag[r][c] = 0;
                continue;
            }
            ap_int<10> p[3][3];
        win_r:
            for (int i = 0; i < 3; i++) {
#pragma HLS unroll
            win_c:
                for (int j = 0; j < 3; j++) {
#pragma HLS unroll
                    p[i][j] = (ap_int<10>)frame[r + i - 1][c + j - 1];
                }
            }
            ap_int<12> gx = (p[0][2] - p[0][0]) + ((p[1][2] - p[1][0]) << 1) + (p[2][2] - p[2][0]);
            ap_int<12> gy = (p[2][0] - p[0][0]) + ((p[2][1] - p[0][1]) << 1) + (p[2][2] - p[0][2]);
            ap_uint<12> ax = gx < 0 ? (ap_uint<12>)(-gx) : (ap_uint<12>)gx;
            ap_uint<12> ay = gy < 0 ? (ap_uint<12>)(-gy) : (ap_uint<12>)gy;
            ap_uint<13> m = (ax + ay) >> 2;
            pix_t v = m > 255 ? pix_t(255) : pix_t(m);
            mag[r][c] = v;
            if (v > threshold) edges++;
        }
    }
    edge_count = edges;
}

static void store_frame(const pix_t mag[SB_H][SB_W], pix_t out[SB_H][SB_W]) {
#pragma HLS inline off
st_row:
    for (int r = 0; r < SB_H; r++) {
    st_col:
        for (int c = 0; c < SB_W; c++) {
#pragma HLS pipeline II=1
            out[r][c] = mag[r][c];
        }
    }
}

void sobel_edge(const pix_t in[SB_H][SB_W], pix_t out[SB_H][SB_W], pix_t threshold,
                int& edge_count) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=160
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1 depth=160
#pragma HLS INTERFACE s_axilite port=threshold
#pragma HLS INTERFACE s_axilite port=edge_count
#pragma HLS INTERFACE s_axilite port=return
    pix_t frame[SB_H][SB_W];
    pix_t mag[SB_H][SB_W];
#pragma HLS array_partition variable=frame type=complete dim=1
#pragma HLS dataflow
    load_frame(in, frame);
    filter_frame(frame, mag, threshold, edge_count);
    store_frame(mag, out);
}
