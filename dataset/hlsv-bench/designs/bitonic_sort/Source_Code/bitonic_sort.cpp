// bitonic_sort.cpp - 16-element bitonic sorting network on signed 16-bit keys.
// Each (k, j) step is a fully unrolled row of compare-and-swap units.
#include "ap_int.h"

constexpr int SORT_N = 16;
using sort_key_t = ap_int<16>;

template <typename T>
static inline void compare_swap(T& a, T& b, bool ascending) {
#pragma HLS inline
    if ((a > b) == ascending) {
        T t = a;
        a = b;
        b = t;
    }
}

template <int N>
static void sort_network(sort_key_t v[N], bool descending) {
#pragma HLS inline off
stage_loop:
    for (int k = 2; k <= N; k <<= 1) {
    step_loop:
        for (int j = k >> 1; j > 0; j >>= 1) {
#pragma HLS pipeline II=1
        cas_loop:
            for (int i = 0; i < N; i++) {
#pragma HLS unroll
                int partner = i ^ j;
                if (partner > i) {
                    bool up = ((i & k) == 0) != descending;
                    compare_swap(v[i], v[partner], up);
                }
            }
        }
    }
}

void bitonic_sort(sort_key_t data[SORT_N], bool descending) {
#pragma HLS interface mode=m_axi port=data offset=slave bundle=gmem depth=16
#pragma HLS interface mode=s_axilite port=descending
#pragma HLS interface mode=s_axilite port=return
    sort_key_t local[SORT_N];
#pragma HLS array_partition variable=local type=complete dim=1

read_loop:
    for (int i = 0; i < SORT_N; i++) {
#pragma HLS pipeline II=1
        local[i] = data[i];
    }
    sort_network<SORT_N>(local, descending);
write_loop:
    for (int i = 0; i < SORT_N; i++) {
#pragma HLS pipeline II=1
        data[i] = local[i];
    }
}
