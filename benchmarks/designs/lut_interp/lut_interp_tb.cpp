// lut_interp_tb.cpp - reads input codes from inputs.txt and expected outputs
// from golden.txt (both in the working directory), runs the design block by
// block, and writes every result to result.txt.
#include <cstdio>
#include <cstdlib>
#include "ap_int.h"

#define LI_BLOCK 32
#define LI_MAX_BLOCKS 8
void lut_interp(const ap_uint<12> x[LI_BLOCK], ap_uint<16> y[LI_BLOCK]);

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    FILE* fin = fopen("inputs.txt", "r");
    FILE* fgold = fopen("golden.txt", "r");
    FILE* fres = fopen("result.txt", "w");
    if (!fin || !fgold || !fres) {
        printf("cannot open inputs.txt / golden.txt / result.txt\n");
        return 2;
    }
    static int xin[LI_MAX_BLOCKS * LI_BLOCK], gold[LI_MAX_BLOCKS * LI_BLOCK];
    int n = 0;
    while (n < LI_MAX_BLOCKS * LI_BLOCK && fscanf(fin, "%d", &xin[n]) == 1) n++;
    int ng = 0;
    while (ng < n && fscanf(fgold, "%d", &gold[ng]) == 1) ng++;
    fclose(fin);
    fclose(fgold);
    if (n == 0 || ng != n || n % LI_BLOCK != 0) {
        printf("bad vector files: %d inputs, %d golden values\n", n, ng);
        return 2;
    }
    int errors = 0;
    for (int b = 0; b < n / LI_BLOCK; b++) {
        if (sel >= 0 && b != sel) continue;
        ap_uint<12> x[LI_BLOCK + 1];
        ap_uint<16> y[LI_BLOCK + 1];
        for (int i = 0; i < LI_BLOCK; i++) x[i] = xin[b * LI_BLOCK + i];
        x[LI_BLOCK] = 0xFFF;
        y[LI_BLOCK] = 0xBEEF;
        lut_interp(x, y);
        int bad = 0;
        for (int i = 0; i < LI_BLOCK; i++) {
            int g = y[i].to_int();
            fprintf(fres, "%d %d\n", xin[b * LI_BLOCK + i], g);
            if (g != gold[b * LI_BLOCK + i]) bad++;
        }
        if (y[LI_BLOCK].to_int() != 0xBEEF) bad++;
        printf("case %d: %d mismatches\n", b, bad);
        errors += bad;
    }
    fclose(fres);
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
