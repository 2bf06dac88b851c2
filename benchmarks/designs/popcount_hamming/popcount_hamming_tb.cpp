// popcount_hamming_tb.cpp - bit-by-bit reference popcount and search.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "ap_int.h"

#define HM_ENTRIES 20
typedef ap_uint<64> code_t;
void popcount_hamming(const code_t db[HM_ENTRIES], code_t query, int limit,
                      ap_uint<7> dist[HM_ENTRIES], int& best_idx, ap_uint<7>& best_dist);

static uint64_t st;
static uint64_t rnd64() {
    st = st * 6364136223846793005ULL + 1442695040888963407ULL;
    return st;
}
static int pc(uint64_t x) {
    int n = 0;
    for (int i = 0; i < 64; i++) n += (int)((x >> i) & 1);
    return n;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    const int limits[5] = {64, 20, 0, 64, 30};
    for (int c = 0; c < 5; c++) {
        if (sel >= 0 && c != sel) continue;
        st = 0xABCDEF12345ULL * (uint64_t)(c + 1);
        uint64_t q = rnd64();
        if (c == 3) q = ~0ULL;
        uint64_t dbv[HM_ENTRIES + 2];
        code_t db[HM_ENTRIES + 2];
        for (int i = 0; i < HM_ENTRIES + 2; i++) {
            uint64_t v = rnd64();
            if (c == 1 && i == 13) v = q ^ 0x8000000000000101ULL;   // near match
            if (c == 3) v = (i == HM_ENTRIES || i == 5) ? q : ~q >> (i % 64);
            if (c == 4) v = q ^ (rnd64() & rnd64() & rnd64());       // sparse differences
            dbv[i] = v;
            db[i] = v;
        }
        ap_uint<7> dist[HM_ENTRIES + 1];
        dist[HM_ENTRIES] = 99;
        int bi = 1234;
        ap_uint<7> bd = 0;
        popcount_hamming(db, code_t(q), limits[c], dist, bi, bd);
        int ebest = 65, eidx = -1;
        printf("case %d dist:", c);
        for (int i = 0; i < HM_ENTRIES; i++) {
            int d = pc(dbv[i] ^ q);
            printf(" %d", dist[i].to_int());
            if (dist[i].to_int() != d) errors++;
            if (d <= limits[c] && d < ebest) { ebest = d; eidx = i; }
        }
        printf("\ncase %d best %d at %d\n", c, bd.to_int(), bi);
        if (bd.to_int() != ebest || bi != eidx || dist[HM_ENTRIES].to_int() != 99) {
            printf("  MISMATCH expected %d at %d\n", ebest, eidx);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
