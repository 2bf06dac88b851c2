// gemm_tiled.cpp - C = alpha * A * B on 16x16 int matrices, computed in 4x4
// output tiles. Load / compute / store are separate stages under dataflow.
#define DIM 16
#define TILE 4

typedef int data_t;

static void load_mat(const data_t src[DIM][DIM], data_t dst[DIM][DIM]) {
#pragma HLS inline off
load_row:
    for (int i = 0; i < DIM; i++) {
    load_col:
        for (int j = 0; j < DIM; j++) {
#pragma HLS pipeline II=1
            dst[i][j] = src[i][j];
        }
    }
}

static void compute(const data_t a[DIM][DIM], const data_t b[DIM][DIM],
                    data_t c[DIM][DIM], data_t alpha) {
#pragma HLS inline off
tile_i:
    for (int ti = 0; ti < DIM; ti += TILE) {
    tile_j:
        for (int tj = 0; tj < DIM; tj += TILE) {
        row:
            for (int i = 0; i < TILE; i++) {
            col:
                for (int j = 0; j < TILE; j++) {
#pragma HLS pipeline II=1
                    data_t sum = 0;
                k_loop:
                    for (int k = 0; k < DIM; k++) {
#pragma HLS unroll factor=4
                        sum += a[ti + i][k] * b[k][tj + j];
                    }
                    c[ti + i][tj + j] = alpha * sum;
                }
            }
        }
    }
}

static void store_mat(const data_t src[DIM][DIM], data_t dst[DIM][DIM]) {
#pragma HLS inline off
store_row:
    for (int i = 0; i < DIM; i++) {
    store_col:
        for (int j = 0; j < DIM; j++) {
#pragma HLS pipeline II=1
            dst[i][j] = src[i][j];
        }
    }
}

void gemm_tiled(const data_t A[DIM][DIM], const data_t B[DIM][DIM], data_t C[DIM][DIM],
                data_t alpha) {
#pragma HLS INTERFACE m_axi port=A offset=slave bundle=gmem0 depth=256
#pragma HLS INTERFACE m_axi port=B offset=slave bundle=gmem1 depth=256
#pragma HLS INTERFACE m_axi port=C offset=slave bundle=gmem0 depth=256
#pragma HLS INTERFACE s_axilite port=alpha
#pragma HLS INTERFACE s_axilite port=return
    data_t a_loc[DIM][DIM];
    data_t b_loc[DIM][DIM];
    data_t c_loc[DIM][DIM];
#pragma HLS array_partition variable=a_loc type=cyclic factor=4 dim=2
#pragma HLS array_partition variable=b_loc type=cyclic factor=4 dim=1
#pragma HLS dataflow
    load_mat(A, a_loc);
    load_mat(B, b_loc);
    compute(a_loc, b_loc, c_loc, alpha);
    store_mat(c_loc, C);
}
