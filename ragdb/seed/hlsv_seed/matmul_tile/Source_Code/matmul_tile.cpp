// Tiled 8x8 matrix multiply: tiles of A and B are copied on chip, then multiplied with the
// inner product fully unrolled.
#define DIM 8

void matmul_tile(const int a[DIM * DIM], const int b[DIM * DIM], int c[DIM * DIM]) {
#pragma HLS INTERFACE m_axi port=a offset=slave bundle=gmem0 depth=64
#pragma HLS INTERFACE m_axi port=b offset=slave bundle=gmem1 depth=64
#pragma HLS INTERFACE m_axi port=c offset=slave bundle=gmem0 depth=64
#pragma HLS INTERFACE s_axilite port=return
    int la[DIM][DIM];
    int lb[DIM][DIM];
#pragma HLS ARRAY_PARTITION variable=la type=complete dim=2
#pragma HLS ARRAY_PARTITION variable=lb type=complete dim=1

load_rows:
    for (int i = 0; i < DIM; i++) {
        for (int j = 0; j < DIM; j++) {
#pragma HLS PIPELINE II=1
            la[i][j] = a[i * DIM + j];
            lb[i][j] = b[i * DIM + j];
        }
    }

row_loop:
    for (int i = 0; i < DIM; i++) {
    col_loop:
        for (int j = 0; j < DIM; j++) {
#pragma HLS PIPELINE II=1
            int sum = 0;
        dot_loop:
            for (int k = 0; k < DIM; k++) {
#pragma HLS UNROLL
                sum += la[i][k] * lb[k][j];
            }
            c[i * DIM + j] = sum;
        }
    }
}
