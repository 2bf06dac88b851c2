// Default-initialisation semantics of ap_int/ap_fixed.
// Built twice by CMake:
//   * with -ftrivial-auto-var-init=pattern (hlsv's C-simulation flag): an
//     uninitialised local shows the compiler's recognisable non-zero pattern,
//     while statics/globals stay zero (Vitis semantics);
//   * with -DHLSV_AP_ZERO_INIT: default construction zeroes the value.
#include "ap_int.h"

#include <cstring>
#include <gtest/gtest.h>

namespace {

ap_int<24> g_global; // zero-initialised before any constructor runs
ap_fixed<16, 8> g_fixed;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// Dirty the stack so that a missing initialisation would not read zeros.
template <class T> __attribute__((noinline)) unsigned fill_stack() {
    volatile unsigned char junk[256];
    for (int i = 0; i < 256; ++i)
        junk[i] = (unsigned char)(i * 7 + 1);
    unsigned s = 0;
    for (int i = 0; i < 256; ++i)
        s += junk[i];
    return s;
}
__attribute__((noinline)) ap_uint<64> uninit_local_u64() {
    ap_uint<64> x;
    return x;
}
__attribute__((noinline)) ap_int<100> uninit_local_i100() {
    ap_int<100> x;
    return x;
}
#pragma GCC diagnostic pop

TEST(ApInit, StaticsAreZero) {
    static ap_uint<77> s;
    EXPECT_TRUE(s.iszero());
    EXPECT_EQ(g_global, 0);
    EXPECT_DOUBLE_EQ(g_fixed.to_double(), 0.0);
}

TEST(ApInit, ValueInitialisationIsZero) {
    ap_uint<64> v{};
    EXPECT_EQ(v, 0u);
    ap_int<100> w = ap_int<100>();
    EXPECT_TRUE(w.iszero());
}

#ifdef HLSV_AP_ZERO_INIT
TEST(ApInit, DefaultConstructionZeroes) {
    EXPECT_NE(fill_stack<int>(), 0u);
    EXPECT_EQ(uninit_local_u64(), 0u);
    EXPECT_TRUE(uninit_local_i100().iszero());
}
#else
TEST(ApInit, UninitialisedLocalsShowPattern) {
    EXPECT_NE(fill_stack<int>(), 0u);
    unsigned long long a = uninit_local_u64().to_uint64();
    EXPECT_NE(fill_stack<long>(), 0u);
    unsigned long long b = uninit_local_u64().to_uint64();
    EXPECT_NE(a, 0u);
    EXPECT_EQ(a, b); // deterministic
    unsigned char bytes[8];
    std::memcpy(bytes, &a, 8);
    for (int i = 1; i < 8; ++i)
        EXPECT_EQ(bytes[i], bytes[0]); // repeating byte pattern
    EXPECT_FALSE(uninit_local_i100().iszero());
}
#endif

} // namespace
