// gemm_tiled_tb.cpp - checks gemm_tiled against a naive triple loop.
#include <cstdio>
#include <cstdlib>
#include <cstdint>

#define DIM 16
typedef int data_t;
void gemm_tiled(const data_t A[DIM][DIM], const data_t B[DIM][DIM], data_t C[DIM][DIM],
                data_t alpha);

static uint32_t seed = 1;
static int rnd(int lo, int hi) {
    seed = seed * 1103515245u + 12345u;
    return lo + (int)((seed >> 9) % (uint32_t)(hi - lo + 1));
}

// one extra row in each matrix acts as a guard against out-of-bounds accesses
struct Mats {
    data_t A[DIM + 1][DIM];
    data_t B[DIM + 1][DIM];
    data_t C[DIM + 1][DIM];
};

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    static Mats m;
    for (int c = 0; c < 3; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 42u + 1000u * (uint32_t)c;
        int range = (c == 2) ? 1000 : 50;
        for (int i = 0; i < DIM + 1; i++)
            for (int j = 0; j < DIM; j++) {
                m.A[i][j] = rnd(-range, range);
                m.B[i][j] = rnd(-range, range);
                m.C[i][j] = -7;
            }
        data_t alpha = (c == 1) ? -3 : 2 + c;
        gemm_tiled(m.A, m.B, m.C, alpha);
        uint32_t h = 2166136261u;
        for (int i = 0; i < DIM; i++) {
            int row_sum = 0;
            for (int j = 0; j < DIM; j++) {
                int s = 0;
                for (int k = 0; k < DIM; k++) s += m.A[i][k] * m.B[k][j];
                s *= alpha;
                if (m.C[i][j] != s) {
                    if (errors < 10) printf("case %d C[%d][%d]=%d expected %d\n", c, i, j, m.C[i][j], s);
                    errors++;
                }
                row_sum += m.C[i][j];
                h = (h ^ (uint32_t)m.C[i][j]) * 16777619u;
            }
            printf("case %d row %d sum %d\n", c, i, row_sum);
        }
        for (int j = 0; j < DIM; j++)
            if (m.C[DIM][j] != -7) {
                errors++;
                printf("case %d guard overwritten\n", c);
                break;
            }
        printf("case %d hash %08x\n", c, (unsigned)h);
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
