// Randomized property tests: hlsv ap_int/ap_uint vs. an __int128 reference
// (W <= 128).  Fixed seed, a few thousand iterations per width pair.
#include "ap_int.h"

#include <cstdint>
#include <gtest/gtest.h>
#include <random>
#include <string>

namespace {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

std::string hex128(u128 x) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "0x%016llx%016llx", (unsigned long long)(x >> 64),
                  (unsigned long long)x);
    return buf;
}

// Sign/zero-extend the low W bits of x to 128 bits.
u128 ext(u128 x, int W, bool S) {
    if (W >= 128)
        return x;
    u128 mask = ((u128)1 << W) - 1;
    x &= mask;
    if (S && ((x >> (W - 1)) & 1))
        x |= ~mask;
    return x;
}

// Low 128 bits of an ap value (sign-extended when narrower), via the public API.
template <class T> u128 lo128(const T& v) {
    ap_uint<128> t = v;
    return ((u128)t.range(127, 64).to_uint64() << 64) | t.range(63, 0).to_uint64();
}

// Exact value of a (W,S) quantity held in 128 bits: compare helper.
struct Val {
    u128 bits; // extended to 128
    bool neg;  // only for signed quantities
};
int cmp_val(Val a, Val b) {
    if (a.neg != b.neg)
        return a.neg ? -1 : 1;
    return a.bits < b.bits ? -1 : (a.bits > b.bits ? 1 : 0);
}

template <int W, bool S> struct Gen {
    typedef typename std::conditional<S, ap_int<W>, ap_uint<W>>::type T;
    static T make(u128 raw) { return T(raw); }
    static u128 ref(u128 raw) { return ext(raw, W, S); }
    static Val val(u128 raw) {
        u128 e = ref(raw);
        bool neg = S && (W == 128 ? (e >> 127) != 0 : ((e >> 127) & 1) != 0);
        return Val{e, neg};
    }
};

u128 rnd128(std::mt19937_64& rng) {
    u128 x = ((u128)rng() << 64) | rng();
    // bias towards interesting values: small magnitudes and extremes
    switch (rng() % 8) {
    case 0:
        return x & 0xFF;
    case 1:
        return ~(x & 0xFF);
    case 2:
        return (u128)1 << (rng() % 128);
    default:
        return x;
    }
}

template <int W1, bool S1, int W2, bool S2> void run_pair(int iters) {
    typedef Gen<W1, S1> G1;
    typedef Gen<W2, S2> G2;
    std::mt19937_64 rng(0xC0FFEE ^ (W1 * 131 + W2 * 7 + S1 * 3 + S2));
    for (int it = 0; it < iters; ++it) {
        u128 ra = rnd128(rng), rb = rnd128(rng);
        auto a = G1::make(ra);
        auto b = G2::make(rb);
        u128 x = G1::ref(ra), y = G2::ref(rb);
        SCOPED_TRACE("W1=" + std::to_string(W1) + " S1=" + std::to_string(S1) +
                     " W2=" + std::to_string(W2) + " S2=" + std::to_string(S2) + " a=" + hex128(x) +
                     " b=" + hex128(y));
        // operand round trip (construction wraps / extends correctly)
        ASSERT_EQ(lo128(a), x);
        ASSERT_EQ(lo128(b), y);

        auto sum = a + b;
        typedef decltype(sum) TS;
        EXPECT_EQ(lo128(sum), ext(x + y, TS::width, TS::sign_flag));
        auto dif = a - b;
        typedef decltype(dif) TD;
        EXPECT_EQ(lo128(dif), ext(x - y, TD::width, TD::sign_flag));
        auto prod = a * b;
        typedef decltype(prod) TP;
        EXPECT_EQ(lo128(prod), ext(x * y, TP::width, TP::sign_flag));
        EXPECT_EQ(lo128(a & b), ext(x & y, decltype(a & b)::width, decltype(a & b)::sign_flag));
        EXPECT_EQ(lo128(a | b), ext(x | y, decltype(a | b)::width, decltype(a | b)::sign_flag));
        EXPECT_EQ(lo128(a ^ b), ext(x ^ y, decltype(a ^ b)::width, decltype(a ^ b)::sign_flag));

        // comparisons on mathematical values
        int c = cmp_val(G1::val(ra), G2::val(rb));
        EXPECT_EQ(a == b, c == 0);
        EXPECT_EQ(a != b, c != 0);
        EXPECT_EQ(a < b, c < 0);
        EXPECT_EQ(a <= b, c <= 0);
        EXPECT_EQ(a > b, c > 0);
        EXPECT_EQ(a >= b, c >= 0);

        // division / modulo (C semantics), reference in i128 when it is exact
        bool can_div = y != 0 && W1 < 128 && W2 < 128;
        if (can_div) {
            i128 xi = (i128)x, yi = (i128)y; // extended values fit (W < 128)
            auto q = a / b;
            auto m = a % b;
            EXPECT_EQ(lo128(q), ext((u128)(xi / yi), decltype(q)::width, decltype(q)::sign_flag));
            EXPECT_EQ(lo128(m), ext((u128)(xi % yi), decltype(m)::width, decltype(m)::sign_flag));
        }

        // shifts keep the type of the left operand
        int sh = (int)(rng() % (W1 + 8));
        auto l = a << sh;
        static_assert(decltype(l)::width == W1, "shift keeps width");
        EXPECT_EQ(lo128(l), ext(sh >= 128 ? 0 : x << sh, W1, S1));
        auto r = a >> sh;
        u128 rr;
        if (S1)
            rr = sh >= 128 ? (u128)((i128)x >> 127) : (u128)((i128)x >> sh);
        else
            rr = sh >= 128 ? 0 : x >> sh;
        EXPECT_EQ(lo128(r), ext(rr, W1, S1));

        // compound assignment wraps into the destination
        auto acc = a;
        acc += b;
        EXPECT_EQ(lo128(acc), ext(x + y, W1, S1));
        acc = a;
        acc *= b;
        EXPECT_EQ(lo128(acc), ext(x * y, W1, S1));
        acc = a;
        acc -= b;
        EXPECT_EQ(lo128(acc), ext(x - y, W1, S1));

        // conversion between the two widths (wrap / sign-extend)
        typename G2::T conv = a;
        EXPECT_EQ(lo128(conv), ext(x, W2, S2));

        // range read / write
        int hi = (int)(rng() % W1), lo = (int)(rng() % W1);
        if (hi < lo)
            std::swap(hi, lo);
        int len = hi - lo + 1;
        u128 mask = len >= 128 ? ~(u128)0 : (((u128)1 << len) - 1);
        u128 field = (x >> lo) & mask;
        EXPECT_EQ(lo128(a.range(hi, lo)), field);
        auto wr = a;
        wr.range(hi, lo) = b;
        u128 expect = (x & ~(mask << lo)) | ((y & mask) << lo);
        EXPECT_EQ(lo128(wr), ext(expect, W1, S1));
        int bi = (int)(rng() % W1);
        EXPECT_EQ((bool)a[bi], ((x >> bi) & 1) != 0);

        // built-in operand mixing
        long long k = (long long)(rng() % 2001) - 1000;
        EXPECT_EQ(lo128(a + k),
                  ext(x + (u128)(i128)k, decltype(a + k)::width, decltype(a + k)::sign_flag));
        EXPECT_EQ(a == k, cmp_val(G1::val(ra), Val{(u128)(i128)k, k < 0}) == 0);
    }
}

TEST(ApIntRandom, SmallWidths) {
    run_pair<1, false, 1, true>(2000);
    run_pair<7, true, 8, false>(3000);
    run_pair<8, false, 8, false>(3000);
    run_pair<8, true, 8, true>(3000);
    run_pair<17, true, 7, false>(3000);
    run_pair<17, false, 33, true>(3000);
}

TEST(ApIntRandom, WordBoundaries) {
    run_pair<33, true, 33, true>(3000);
    run_pair<63, true, 64, false>(3000);
    run_pair<64, true, 64, true>(3000);
    run_pair<64, false, 64, false>(3000);
    run_pair<64, true, 65, false>(3000);
    run_pair<65, true, 65, true>(3000);
}

TEST(ApIntRandom, MultiWord) {
    run_pair<100, true, 17, true>(3000);
    run_pair<100, false, 100, true>(3000);
    run_pair<127, true, 64, true>(3000);
    run_pair<128, true, 128, true>(3000);
    run_pair<128, false, 100, false>(3000);
    run_pair<128, true, 1, false>(1000);
}

// Properties that also hold beyond 128 bits.
template <int W> void wide_props(int iters) {
    std::mt19937_64 rng(0xBADC0DE + W);
    for (int it = 0; it < iters; ++it) {
        ap_int<W> a, b;
        for (int i = 0; i < W; i += 64) {
            int hi = i + 63 < W ? i + 63 : W - 1;
            a.range(hi, i) = ap_uint<64>(rng());
            b.range(hi, i) = ap_uint<64>(rng());
        }
        if (rng() % 4 == 0)
            b = ap_int<W>(b >> (int)(rng() % W));
        ap_int<W + 1> s = a + b;
        EXPECT_TRUE(s - b == a);
        auto p = a * b;
        if (b != 0) {
            EXPECT_TRUE(p / b == a);
            EXPECT_TRUE(p % b == 0);
            auto q = a / b;
            auto m = a % b;
            EXPECT_TRUE(q * b + m == a);
            EXPECT_TRUE((m == 0) || ((m < 0) == (a < 0)));
        }
        EXPECT_TRUE(((a << 3) >> 3) == ((a << 3) >> 3));
        ap_uint<W> u = a;
        EXPECT_TRUE(ap_int<W>(u) == a);
        EXPECT_TRUE(-(-a) == a);
        EXPECT_TRUE((a ^ a) == 0);
        EXPECT_TRUE(~~a == a);
    }
}

TEST(ApIntRandom, WideProperties) {
    wide_props<129>(500);
    wide_props<256>(300);
    wide_props<1024>(50);
}

} // namespace
