// stencil_2d.cpp - three Jacobi smoothing sweeps of a 5-point stencil on a
// 10x12 grid of signed 16-bit values; border cells stay fixed.
// new = (4*center + north + south + east + west) / 8
#include "ap_int.h"

const int SH = 10;
const int SW = 12;
const int SWEEPS = 3;

typedef ap_int<16> cell_t;

void stencil_2d(const cell_t in[SH][SW], cell_t out[SH][SW]) {
#pragma HLS interface mode=m_axi port=in offset=slave bundle=gmem depth=120
#pragma HLS interface mode=m_axi port=out offset=slave bundle=gmem depth=120
#pragma HLS interface mode=s_axilite port=return
    cell_t grid[2][SH][SW];
#pragma HLS array_partition variable=grid complete dim=1
#pragma HLS array_partition variable=grid type=block factor=2 dim=2

load_row:
    for (int r = 0; r < SH; r++) {
    load_col:
        for (int c = 0; c < SW; c++) {
#pragma HLS pipeline II=1
            grid[0][r][c] = in[r][c];
            grid[1][r][c] = in[r][c];
        }
    }

sweep_loop:
    for (int t = 0; t < SWEEPS; t++) {
        const int src = t & 1;
        const int dst = src ^ 1;
    row_loop:
        for (int r = 1; r < SH - 1; r++) {
        col_loop:
            for (int c = 1; c < SW - 1; c++) {
#pragma HLS pipeline II=1
                ap_int<20> sum = (ap_int<20>)grid[src][r][c] << 2;
                sum += grid[src][r - 1][c];
                sum += grid[src][r + 1][c];
                sum += grid[src][r][c - 1];
                sum += grid[src][r][c + 1];
                grid[dst][r][c] = (cell_t)(sum >> 3);
            }
        }
    }

store_row:
    for (int r = 0; r < SH; r++) {
    store_col:
        for (int c = 0; c < SW; c++) {
#pragma HLS pipeline II=1
            out[r][c] = grid[SWEEPS & 1][r][c];
        }
    }
}
