// bitonic_sort_tb.cpp - compares bitonic_sort with an insertion sort.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "ap_int.h"

constexpr int SORT_N = 16;
void bitonic_sort(ap_int<16> data[SORT_N], bool descending);

namespace {
uint32_t seed;
int rnd16() {
    seed = seed * 214013u + 2531011u;
    return (int)((seed >> 16) & 0xFFFF) - 32768;
}
void ref_sort(int* v, int n, bool desc) {
    for (int i = 1; i < n; i++) {
        int x = v[i];
        int j = i - 1;
        while (j >= 0 && (desc ? v[j] < x : v[j] > x)) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}
}  // namespace

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    constexpr int CASES = 6;
    for (int c = 0; c < CASES; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 100u + 7u * (uint32_t)c;
        bool desc = (c % 2) == 1;
        ap_int<16> buf[SORT_N + 2];
        int ref[SORT_N];
        for (int i = 0; i < SORT_N + 2; i++) {
            int v = rnd16();
            if (c == 2) v = (i % 3) - 1;                 // many duplicates
            if (c == 3) v = SORT_N - i;                  // reverse ordered
            if (c == 4) v = (i & 1) ? 32767 : -32768;    // extremes
            if (i < SORT_N) ref[i] = v;
            buf[i] = (i < SORT_N) ? v : 4242;
        }
        ref_sort(ref, SORT_N, desc);
        bitonic_sort(buf, desc);
        printf("case %d:", c);
        for (int i = 0; i < SORT_N; i++) {
            printf(" %d", buf[i].to_int());
            if (buf[i].to_int() != ref[i]) errors++;
        }
        printf("\n");
        if (buf[SORT_N].to_int() != 4242 || buf[SORT_N + 1].to_int() != 4242) {
            printf("case %d guard overwritten\n", c);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
