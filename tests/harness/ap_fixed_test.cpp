// Tests for hlsv's ap_fixed / ap_ufixed (harness/include/ap_fixed.h):
// hand-computed values plus randomized checks against double references for
// every quantization and overflow mode.
#include "ap_fixed.h"

#include <cmath>
#include <gtest/gtest.h>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>

namespace {

static_assert(std::is_trivially_copyable<ap_fixed<16, 8>>::value, "");
static_assert(
    std::is_same<decltype(ap_fixed<16, 8>() * ap_fixed<12, 4>()), ap_fixed<28, 12>>::value, "");
static_assert(
    std::is_same<decltype(ap_ufixed<8, 4>() * ap_ufixed<8, 4>()), ap_ufixed<16, 8>>::value, "");
static_assert(std::is_same<decltype(ap_fixed<16, 8>() + ap_fixed<12, 4>()), ap_fixed<17, 9>>::value,
              "");
static_assert(std::is_same<decltype(ap_ufixed<8, 4>() - ap_ufixed<8, 4>()), ap_fixed<9, 5>>::value,
              "");
static_assert(std::is_same<decltype(ap_fixed<16, 8>() / ap_fixed<8, 4>()), ap_fixed<21, 13>>::value,
              "");

template <class T> std::string str(const T& x) {
    std::ostringstream os;
    os << x;
    return os.str();
}

TEST(ApFixed, Basics) {
    ap_fixed<16, 8> a = 3.25, b = -1.5;
    EXPECT_DOUBLE_EQ((a * b).to_double(), -4.875);
    EXPECT_DOUBLE_EQ((a + b).to_double(), 1.75);
    EXPECT_DOUBLE_EQ((a - b).to_double(), 4.75);
    EXPECT_DOUBLE_EQ((a / b).to_double(), -554.0 / 256); // truncated toward zero, 8 fraction bits
    EXPECT_DOUBLE_EQ((-b).to_double(), 1.5);
    EXPECT_TRUE(a > b);
    EXPECT_TRUE(b < 0);
    EXPECT_TRUE(a == 3.25);
    EXPECT_TRUE((a != ap_fixed<8, 4>(3)));
    EXPECT_EQ(a.to_int(), 3);
    EXPECT_EQ(b.to_int(), -1); // toward zero
    EXPECT_EQ((ap_fixed<16, 8>(-0.5).to_int()), 0);
    EXPECT_EQ((ap_fixed<8, 10>(-512).to_int()), -512);           // negative F
    EXPECT_DOUBLE_EQ((ap_fixed<8, 10>(100).to_double()), 100.0); // steps of 4: 100 exact
    EXPECT_DOUBLE_EQ((ap_fixed<8, 10>(101).to_double()), 100.0);
    EXPECT_DOUBLE_EQ((ap_ufixed<4, -2>(0.0625).to_double()), 0.0625); // negative I
    ap_fixed<16, 8> c = a;
    c += 1;
    EXPECT_DOUBLE_EQ(c.to_double(), 4.25);
    c *= 2;
    EXPECT_DOUBLE_EQ(c.to_double(), 8.5);
    c -= ap_fixed<8, 4>(0.5);
    EXPECT_DOUBLE_EQ(c.to_double(), 8.0);
    c /= 4;
    EXPECT_DOUBLE_EQ(c.to_double(), 2.0);
    ++c;
    c++;
    EXPECT_DOUBLE_EQ(c.to_double(), 4.0);
    double d = c; // implicit conversion to double
    EXPECT_DOUBLE_EQ(d, 4.0);
    EXPECT_EQ(str(ap_fixed<16, 8>(-2.75)), "-2.75");
    EXPECT_EQ((ap_fixed<16, 8>(-2.75).to_string(10)), "-2.75");
    EXPECT_EQ((ap_ufixed<12, 4>(0.1).to_string(10)), "0.09765625"); // 25/256
    // mixing with ap_int
    ap_int<8> k = -3;
    EXPECT_DOUBLE_EQ((a * k).to_double(), -9.75);
    ap_int<8> back = a;
    EXPECT_EQ(back, 3);
    // raw bits
    ap_fixed<8, 4> r = 1.5;
    EXPECT_EQ(r.range(), 0x18);
    r.range(3, 0) = 0xF;
    EXPECT_DOUBLE_EQ(r.to_double(), 1.9375);
    EXPECT_TRUE(r[4]);
    EXPECT_DOUBLE_EQ((r << 1).to_double(), 3.875);
    EXPECT_DOUBLE_EQ((ap_fixed<8, 4>(-2) >> 1).to_double(), -1.0);
}

TEST(ApFixed, DocumentedRoundingExamples) {
    // ap_fixed<3,2>: step 0.5, range [-2, 1.5]
    EXPECT_DOUBLE_EQ((ap_fixed<3, 2, AP_RND, AP_SAT>(1.25)).to_double(), 1.5);
    EXPECT_DOUBLE_EQ((ap_fixed<3, 2, AP_RND, AP_SAT>(-1.25)).to_double(), -1.0);
    EXPECT_DOUBLE_EQ((ap_fixed<3, 2, AP_RND_ZERO, AP_SAT>(1.25)).to_double(), 1.0);
    EXPECT_DOUBLE_EQ((ap_fixed<3, 2, AP_RND_ZERO, AP_SAT>(-1.25)).to_double(), -1.0);
    EXPECT_DOUBLE_EQ((ap_fixed<3, 2, AP_RND_MIN_INF, AP_SAT>(1.25)).to_double(), 1.0);
    EXPECT_DOUBLE_EQ((ap_fixed<3, 2, AP_RND_MIN_INF, AP_SAT>(-1.25)).to_double(), -1.5);
    EXPECT_DOUBLE_EQ((ap_fixed<3, 2, AP_RND_INF, AP_SAT>(1.25)).to_double(), 1.5);
    EXPECT_DOUBLE_EQ((ap_fixed<3, 2, AP_RND_INF, AP_SAT>(-1.25)).to_double(), -1.5);
    EXPECT_DOUBLE_EQ((ap_fixed<3, 2, AP_RND_CONV, AP_SAT>(0.75)).to_double(), 1.0);
    EXPECT_DOUBLE_EQ((ap_fixed<3, 2, AP_RND_CONV, AP_SAT>(0.25)).to_double(), 0.0);
    EXPECT_DOUBLE_EQ((ap_fixed<3, 2, AP_TRN, AP_SAT>(-1.25)).to_double(), -1.5);
    EXPECT_DOUBLE_EQ((ap_fixed<3, 2, AP_TRN_ZERO, AP_SAT>(-1.25)).to_double(), -1.0);
    // overflow
    EXPECT_DOUBLE_EQ((ap_fixed<4, 4, AP_TRN, AP_SAT>(19)).to_double(), 7.0);
    EXPECT_DOUBLE_EQ((ap_fixed<4, 4, AP_TRN, AP_SAT>(-19)).to_double(), -8.0);
    EXPECT_DOUBLE_EQ((ap_fixed<4, 4, AP_TRN, AP_SAT_ZERO>(19)).to_double(), 0.0);
    EXPECT_DOUBLE_EQ((ap_fixed<4, 4, AP_TRN, AP_SAT_SYM>(-19)).to_double(), -7.0);
    EXPECT_DOUBLE_EQ((ap_fixed<4, 4, AP_TRN, AP_SAT_SYM>(-8)).to_double(), -7.0);
    EXPECT_DOUBLE_EQ((ap_fixed<4, 4>(19)).to_double(), 3.0); // wrap: 19 - 16
    EXPECT_DOUBLE_EQ((ap_ufixed<4, 4, AP_TRN, AP_SAT>(-3)).to_double(), 0.0);
    EXPECT_DOUBLE_EQ((ap_ufixed<4, 4, AP_TRN, AP_SAT>(300)).to_double(), 15.0);
    EXPECT_DOUBLE_EQ((ap_fixed<8, 4, AP_RND, AP_SAT>(100.0)).to_double(), 7.9375);
    // wrap with saturation bits: MSB takes the sign, next N-1 bits its inverse
    EXPECT_DOUBLE_EQ((ap_fixed<4, 4, AP_TRN, AP_WRAP, 1>(9)).to_double(), 1.0);   // 1001 -> 0001
    EXPECT_DOUBLE_EQ((ap_fixed<4, 4, AP_TRN, AP_WRAP, 2>(9)).to_double(), 5.0);   // -> 0101
    EXPECT_DOUBLE_EQ((ap_ufixed<4, 4, AP_TRN, AP_WRAP, 1>(17)).to_double(), 9.0); // 0001 -> 1001
    EXPECT_DOUBLE_EQ((ap_fixed<4, 4, AP_TRN, AP_WRAP, 1>(5)).to_double(),
                     5.0); // no overflow: untouched
}

// ---- randomized conversions against a double reference --------------------------------
double round_ref(double x, ap_q_mode q) { // x is in units of the destination LSB
    double fl = std::floor(x), fr = x - fl;
    bool neg = x < 0;
    switch (q) {
    case AP_TRN:
        return fl;
    case AP_TRN_ZERO:
        return neg && fr != 0 ? fl + 1 : fl;
    case AP_RND:
        return fr >= 0.5 ? fl + 1 : fl;
    case AP_RND_ZERO:
        return fr > 0.5 || (fr == 0.5 && neg) ? fl + 1 : fl;
    case AP_RND_MIN_INF:
        return fr > 0.5 ? fl + 1 : fl;
    case AP_RND_INF:
        return fr > 0.5 || (fr == 0.5 && !neg) ? fl + 1 : fl;
    case AP_RND_CONV:
        return fr > 0.5 || (fr == 0.5 && std::fmod(fl, 2.0) != 0) ? fl + 1 : fl;
    }
    return fl;
}
double overflow_ref(double n, int W, bool S, ap_o_mode o) { // n: integer raw value
    double lo = S ? -std::ldexp(1, W - 1) : 0,
           hi = S ? std::ldexp(1, W - 1) - 1 : std::ldexp(1, W) - 1;
    if (o == AP_SAT_SYM && S)
        lo = -hi;
    if (n >= lo && n <= hi)
        return n;
    switch (o) {
    case AP_SAT:
    case AP_SAT_SYM:
        return n < lo ? lo : hi;
    case AP_SAT_ZERO:
        return 0;
    default: {
        double m = std::ldexp(1, W);
        double r = std::fmod(n, m);
        if (r < 0)
            r += m;
        if (S && r > hi)
            r -= m;
        return r;
    }
    }
}

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O> void check_conversions(int iters) {
    typedef typename std::conditional<S, ap_fixed<W, I, Q, O>, ap_ufixed<W, I, Q, O>>::type T;
    std::mt19937_64 rng(12345 + W * 100 + I + Q * 7 + O * 13);
    const int F = W - I;
    for (int it = 0; it < iters; ++it) {
        // source: ap_fixed<30,14> random raw value (exact in double)
        long long raw = (long long)(rng() % (1ull << 30)) - (1ll << 29);
        if (it % 3 == 0)
            raw >>= (rng() % 24);
        ap_fixed<30, 14> src = ap_fixed<30, 14>::from_bits(ap_int<30>(raw));
        double sv = std::ldexp((double)raw, -16);
        ASSERT_DOUBLE_EQ(src.to_double(), sv);
        double expect = std::ldexp(overflow_ref(round_ref(std::ldexp(sv, F), Q), W, S, O), -F);
        T dst = src; // fixed -> fixed
        ASSERT_DOUBLE_EQ(dst.to_double(), expect)
            << "src=" << sv << " W=" << W << " I=" << I << " Q=" << Q << " O=" << O;
        T dd = sv; // double -> fixed
        ASSERT_DOUBLE_EQ(dd.to_double(), expect) << "double src=" << sv;
    }
}

template <ap_q_mode Q> void all_overflow_modes(int iters) {
    check_conversions<12, 6, true, Q, AP_WRAP>(iters);
    check_conversions<12, 6, true, Q, AP_SAT>(iters);
    check_conversions<12, 6, true, Q, AP_SAT_ZERO>(iters);
    check_conversions<12, 6, true, Q, AP_SAT_SYM>(iters);
    check_conversions<10, 3, false, Q, AP_WRAP>(iters);
    check_conversions<10, 3, false, Q, AP_SAT>(iters);
    check_conversions<10, 3, false, Q, AP_SAT_ZERO>(iters);
    check_conversions<20, 18, true, Q, AP_SAT>(iters);
    check_conversions<8, -2, true, Q, AP_WRAP>(iters);
    check_conversions<8, 12, true, Q, AP_SAT>(iters);
    check_conversions<64, 40, true, Q, AP_SAT>(iters);
    check_conversions<70, 30, true, Q, AP_WRAP>(iters);
}

TEST(ApFixedRandom, Truncation) {
    all_overflow_modes<AP_TRN>(1500);
}
TEST(ApFixedRandom, TruncationToZero) {
    all_overflow_modes<AP_TRN_ZERO>(1500);
}
TEST(ApFixedRandom, Round) {
    all_overflow_modes<AP_RND>(1500);
}
TEST(ApFixedRandom, RoundZero) {
    all_overflow_modes<AP_RND_ZERO>(1500);
}
TEST(ApFixedRandom, RoundMinInf) {
    all_overflow_modes<AP_RND_MIN_INF>(1500);
}
TEST(ApFixedRandom, RoundInf) {
    all_overflow_modes<AP_RND_INF>(1500);
}
TEST(ApFixedRandom, RoundConvergent) {
    all_overflow_modes<AP_RND_CONV>(1500);
}

TEST(ApFixedRandom, ArithmeticIsExact) {
    std::mt19937_64 rng(777);
    std::uniform_real_distribution<double> dist(-100, 100);
    for (int it = 0; it < 4000; ++it) {
        ap_fixed<20, 8> a = dist(rng);
        ap_ufixed<14, 6> b = std::fabs(dist(rng)) / 2;
        double x = a.to_double(), y = b.to_double();
        EXPECT_DOUBLE_EQ((a + b).to_double(), x + y);
        EXPECT_DOUBLE_EQ((a - b).to_double(), x - y);
        EXPECT_DOUBLE_EQ((a * b).to_double(), x * y);
        EXPECT_EQ(a < b, x < y);
        EXPECT_EQ(a == b, x == y);
        if (y != 0) {
            // quotient keeps a's 12 fraction bits, truncated toward zero
            double q = std::trunc(x / y * 4096.0) / 4096.0;
            EXPECT_DOUBLE_EQ((a / b).to_double(), q) << x << " / " << y;
        }
        ap_fixed<20, 8> acc = a;
        acc += b; // wraps/truncates into ap_fixed<20,8>
        EXPECT_DOUBLE_EQ(acc.to_double(), (ap_fixed<20, 8>(x + y).to_double()));
    }
}

TEST(ApFixed, WideFormats) {
    ap_fixed<100, 60> a = 123456789.125;
    ap_fixed<100, 60> b = -0.5;
    EXPECT_DOUBLE_EQ((a * b).to_double(), -61728394.5625);
    EXPECT_DOUBLE_EQ((a + b).to_double(), 123456788.625);
    ap_fixed<128, 64> big = 1;
    big <<= 62; // raw shift within the type
    EXPECT_DOUBLE_EQ(big.to_double(), std::ldexp(1, 62));
    ap_fixed<128, 64> tiny = std::ldexp(1, -64);
    EXPECT_TRUE(tiny[0]);
    EXPECT_DOUBLE_EQ((big * tiny).to_double(), 0.25);
    ap_ufixed<128, 100, AP_RND, AP_SAT> sat = 1e40; // > 2^100: saturates
    EXPECT_DOUBLE_EQ(sat.to_double(), std::ldexp(1, 100) - std::ldexp(1, -28));
    ap_fixed<128, 64> third = ap_fixed<128, 64>(1) / ap_fixed<128, 64>(3);
    EXPECT_NEAR(third.to_double(), 1.0 / 3, 1e-15);
}

TEST(ApFixed, SpecialDoubles) {
    ap_fixed<8, 4, AP_TRN, AP_SAT> s = 1.0 / 0.0;
    EXPECT_DOUBLE_EQ(s.to_double(), 7.9375);
    ap_fixed<8, 4, AP_TRN, AP_SAT> n = -1.0 / 0.0;
    EXPECT_DOUBLE_EQ(n.to_double(), -8.0);
    ap_fixed<8, 4> z = std::nan("");
    EXPECT_DOUBLE_EQ(z.to_double(), 0.0);
    ap_fixed<8, 4, AP_RND> t = 1e-30; // far below the LSB
    EXPECT_DOUBLE_EQ(t.to_double(), 0.0);
    ap_fixed<8, 4> u = -1e-30; // truncation: floor -> one LSB below zero
    EXPECT_DOUBLE_EQ(u.to_double(), -0.0625);
}

} // namespace
