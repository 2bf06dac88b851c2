// Hand-computed checks for hlsv's ap_int / ap_uint (harness/include/ap_int.h).
#include "ap_int.h"

#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <type_traits>

namespace {

template <class T> std::string str(const T& x) {
    std::ostringstream os;
    os << x;
    return os.str();
}

// ---- type properties ------------------------------------------------------------
static_assert(std::is_trivially_copyable<ap_int<8>>::value, "ap_int must be trivially copyable");
static_assert(std::is_trivially_copyable<ap_uint<1024>>::value,
              "ap_uint must be trivially copyable");
#ifndef HLSV_AP_ZERO_INIT
static_assert(std::is_trivially_default_constructible<ap_int<33>>::value,
              "default ctor must be trivial");
#endif
static_assert(sizeof(ap_uint<64>) == 8, "one word for W <= 64");
static_assert(sizeof(ap_uint<65>) == 16, "two words for 64 < W <= 128");

// result widths follow the Vitis rules
static_assert(decltype(ap_int<8>() + ap_int<8>())::width == 9, "");
static_assert(decltype(ap_uint<8>() + ap_uint<4>())::width == 9, "");
static_assert(decltype(ap_int<8>() + ap_uint<8>())::width == 10, "");
static_assert(std::is_same<decltype(ap_uint<8>() - ap_uint<8>()), ap_int<9>>::value, "");
static_assert(std::is_same<decltype(ap_int<7>() * ap_uint<5>()), ap_int<12>>::value, "");
static_assert(std::is_same<decltype(ap_uint<7>() * ap_uint<5>()), ap_uint<12>>::value, "");
static_assert(std::is_same<decltype(ap_uint<8>() / ap_int<4>()), ap_int<9>>::value, "");
static_assert(std::is_same<decltype(ap_int<8>() % ap_uint<4>()), ap_int<5>>::value, "");
static_assert(std::is_same<decltype(ap_uint<8>() & ap_uint<3>()), ap_uint<8>>::value, "");
static_assert(std::is_same<decltype(ap_uint<8>() + 1), ap_int<33>>::value,
              "int operands act as ap_int<32>");
static_assert(std::is_same<decltype(ap_uint<8>() + 1u), ap_uint<33>>::value, "");
static_assert(std::is_same<decltype(ap_uint<8>() << 3), ap_uint<8>>::value,
              "shift keeps the lhs type");
static_assert(std::is_same<decltype(-ap_uint<8>()), ap_int<9>>::value, "");

TEST(ApInt, StaticObjectsAreZero) {
    static ap_int<17> s17;
    static ap_uint<100> s100;
    EXPECT_EQ(s17, 0);
    EXPECT_TRUE(s100.iszero());
}

TEST(ApInt, ConstructionAndWrap) {
    ap_uint<1> b1 = 3;
    EXPECT_EQ(b1, 1);
    ap_int<1> sb = 1;
    EXPECT_EQ(sb, -1);
    ap_int<7> a7 = 64; // wraps to -64
    EXPECT_EQ(a7.to_int(), -64);
    ap_uint<7> u7 = -1;
    EXPECT_EQ(u7.to_uint(), 127u);
    ap_int<8> a8 = 200;
    EXPECT_EQ(a8, -56);
    ap_uint<8> u8 = 0x1FF;
    EXPECT_EQ(u8, 255);
    ap_int<17> a17 = -70000; // -70000 mod 2^17 = 61072 (< 2^16: positive)
    EXPECT_EQ(a17.to_int(), 61072);
    ap_int<17> b17 = 70000; // 70000 >= 2^16: negative
    EXPECT_EQ(b17.to_int(), 70000 - 131072);
    ap_int<33> a33 = 0x1FFFFFFFFLL;
    EXPECT_EQ(a33.to_int64(), -1);
    ap_uint<33> u33 = -2;
    EXPECT_EQ(u33.to_uint64(), 0x1FFFFFFFEull);
    ap_int<64> a64 = -5;
    EXPECT_EQ(a64.to_int64(), -5);
    ap_uint<64> u64v = -1;
    EXPECT_EQ(u64v.to_uint64(), ~0ull);
    ap_int<65> a65 = -1;
    EXPECT_TRUE(a65.and_reduce());
    EXPECT_EQ(a65.countOnes(), 65);
    ap_uint<100> u100 = -1; // 2^100 - 1
    EXPECT_EQ(u100.countOnes(), 100);
    EXPECT_EQ(str(u100), "1267650600228229401496703205375");
    ap_int<128> a128 = -1;
    EXPECT_EQ(str(a128), "-1");
    ap_uint<128> u128v = a128;
    EXPECT_EQ(str(u128v), "340282366920938463463374607431768211455");
    ap_uint<256> u256 = 1;
    u256 <<= 255;
    EXPECT_EQ(str(u256),
              "57896044618658097711785492504343953926634992332820282019728792003956564819968");
    ap_int<1024> a1024 = -3;
    EXPECT_EQ(str(a1024), "-3");
    EXPECT_EQ(a1024.countOnes(), 1023);
}

TEST(ApInt, SignExtensionBetweenWidths) {
    ap_int<8> n = -2;
    ap_int<100> w = n;
    EXPECT_EQ(str(w), "-2");
    ap_uint<100> uw = n; // sign-extended, then reinterpreted
    EXPECT_EQ(uw.countOnes(), 99);
    ap_uint<8> p = 0xFE;
    ap_int<100> w2 = p; // zero-extended
    EXPECT_EQ(w2, 254);
    ap_int<4> t = ap_int<100>(-9); // truncation: -9 = ...10111 -> 0111 = 7
    EXPECT_EQ(t, 7);
}

TEST(ApInt, ArithmeticSmall) {
    ap_int<8> a = -5;
    ap_uint<8> b = 200;
    EXPECT_EQ(a + b, 195);
    EXPECT_EQ(a - b, -205);
    EXPECT_EQ(a * b, -1000);
    EXPECT_EQ(b / a, -40);
    EXPECT_EQ(b % ap_int<8>(-7), 4); // C semantics: sign of dividend
    EXPECT_EQ(ap_int<8>(-7) % ap_int<8>(3), -1);
    EXPECT_EQ(ap_int<8>(-7) / ap_int<8>(2), -3); // truncation toward zero
    ap_int<8> m = -128;
    EXPECT_EQ(m / ap_int<8>(-1), 128); // result has 9 bits, no overflow
    ap_uint<8> x = 250;
    x += 10; // wraps in the destination
    EXPECT_EQ(x, 4);
    x -= 5;
    EXPECT_EQ(x, 255);
    x *= 2;
    EXPECT_EQ(x, 254);
    x /= 3;
    EXPECT_EQ(x, 84);
    x %= 10;
    EXPECT_EQ(x, 4);
    ap_int<8> y = 127;
    ++y;
    EXPECT_EQ(y, -128);
    y--;
    EXPECT_EQ(y, 127);
    ap_int<8> z = y++;
    EXPECT_EQ(z, 127);
    EXPECT_EQ(y, -128);
    EXPECT_EQ(-ap_uint<8>(255), -255);
    EXPECT_EQ(~ap_uint<4>(5), 10);
    EXPECT_TRUE(!ap_int<5>(0));
}

TEST(ApInt, ArithmeticWide) {
    ap_uint<64> big = ~0ull;
    auto s = big + big; // 65 bits
    EXPECT_EQ(decltype(s)::width, 65);
    EXPECT_EQ(str(s), "36893488147419103230");
    auto p = big * big; // 128 bits: (2^64-1)^2
    EXPECT_EQ(str(p), "340282366920938463426481119284349108225");
    ap_int<128> q = p / big;
    EXPECT_EQ(str(q), "18446744073709551615");
    ap_uint<200> f = 1;
    for (int i = 1; i <= 30; ++i)
        f = f * ap_uint<8>(i); // 30!
    EXPECT_EQ(str(f), "265252859812191058636308480000000");
    ap_uint<200> g = f / ap_uint<200>("265252859812191058636308480000000");
    EXPECT_EQ(g, 1);
    EXPECT_EQ(f % ap_uint<64>(1000000007ull), 109361473); // 30! mod 1e9+7
    ap_int<256> neg = -ap_int<255>(f);
    EXPECT_EQ(str(neg), "-265252859812191058636308480000000");
    EXPECT_EQ(str(neg / ap_int<8>(-10)), "26525285981219105863630848000000");
    EXPECT_EQ(str(neg % ap_int<40>(-1000003)), std::string("-") + str(f % ap_uint<40>(1000003)));
    ap_uint<1024> one = 1;
    ap_uint<1024> top = one << 1023;
    EXPECT_TRUE(top[1023]);
    EXPECT_EQ(top.countLeadingZeros(), 0);
    EXPECT_EQ((top >> 1023), 1);
    EXPECT_EQ((top - 1).countOnes(), 1023);
}

TEST(ApInt, Comparisons) {
    EXPECT_TRUE(ap_int<8>(-1) < ap_uint<8>(0)); // mathematical comparison
    EXPECT_FALSE(ap_uint<8>(255) == ap_int<8>(-1));
    EXPECT_TRUE(ap_uint<8>(255) == 255);
    EXPECT_TRUE(ap_int<8>(-1) == -1);
    EXPECT_TRUE(ap_uint<64>(~0ull) > ap_int<64>(-1));
    EXPECT_TRUE(ap_int<65>(-1) < ap_uint<65>(1));
    EXPECT_TRUE(5 < ap_uint<3>(6));
    EXPECT_TRUE(ap_uint<100>(7) >= ap_int<3>(-4));
    EXPECT_TRUE(ap_int<100>(-7) <= ap_int<3>(-4));
    EXPECT_TRUE(ap_int<100>(-7) != ap_int<100>(7));
}

TEST(ApInt, Shifts) {
    ap_uint<8> a = 0x81;
    EXPECT_EQ(a << 1, 0x02); // same type: wraps
    EXPECT_EQ(a >> 7, 1);
    ap_int<8> s = -128;
    EXPECT_EQ(s >> 7, -1); // arithmetic
    EXPECT_EQ(s >> 100, -1);
    EXPECT_EQ(ap_uint<8>(0x80) >> 100, 0);
    EXPECT_EQ(ap_uint<8>(1) << -1, 0); // negative amount shifts the other way
    EXPECT_EQ(ap_uint<8>(4) << ap_int<4>(-2), 1);
    EXPECT_EQ(ap_uint<8>(4) >> ap_int<4>(-2), 16);
    ap_uint<65> w = 1;
    w <<= 64;
    EXPECT_TRUE(w[64]);
    w >>= 63;
    EXPECT_EQ(w, 2);
    ap_int<100> n = -1;
    n <<= 99;
    EXPECT_EQ(n.countOnes(), 1);
    EXPECT_TRUE(n < 0);
    EXPECT_EQ(n >> 98, -2);
    EXPECT_EQ(1 << ap_uint<4>(3), 8); // int lhs: built-in shift via conversion
}

TEST(ApInt, Bitwise) {
    EXPECT_EQ(ap_uint<8>(0xF0) & ap_uint<8>(0x3C), 0x30);
    EXPECT_EQ(ap_uint<8>(0xF0) | ap_uint<4>(0x3), 0xF3);
    EXPECT_EQ(ap_uint<8>(0xF0) ^ 0xFF, 0x0F);
    auto r = ap_int<4>(-1) & ap_uint<8>(0xF0); // -1 sign-extends
    EXPECT_EQ(r, 0xF0);
    ap_uint<128> m = ap_uint<128>(-1) ^ ap_uint<128>(1);
    EXPECT_FALSE(m[0]);
    EXPECT_TRUE(m[127]);
}

TEST(ApInt, BitSelect) {
    ap_uint<8> x = 0;
    x[3] = 1;
    x[7] = true;
    EXPECT_EQ(x, 0x88);
    EXPECT_TRUE(x[3]);
    EXPECT_FALSE(x[2]);
    x[3] = x[2];
    EXPECT_EQ(x, 0x80);
    x[0] = ~x[0];
    EXPECT_EQ(x, 0x81);
    bool b = x[7];
    EXPECT_TRUE(b);
    const ap_int<8> c = -1;
    EXPECT_TRUE(c[5]);
    ap_int<8> s = 0;
    s[7] = 1; // sign bit
    EXPECT_EQ(s, -128);
    EXPECT_TRUE(x.test(0));
    x.set(1);
    x.clear(0);
    EXPECT_EQ(x, 0x82);
    x.set_bit(6, true);
    EXPECT_TRUE(x.get_bit(6));
    x.invert(6);
    EXPECT_FALSE(x.get_bit(6));
    ap_uint<1024> big = 0;
    big[1000] = 1;
    EXPECT_EQ(big.countTrailingZeros(), 1000);
    EXPECT_EQ(x[1] + 1, 2);
}

TEST(ApInt, Ranges) {
    ap_uint<16> x = 0x1234;
    EXPECT_EQ(x.range(7, 0), 0x34);
    EXPECT_EQ(x(15, 12), 1);
    EXPECT_EQ(x.range(), 0x1234);
    x.range(7, 4) = 0xF;
    EXPECT_EQ(x, 0x12F4);
    x(15, 8) = ap_uint<8>(0xAB);
    EXPECT_EQ(x, 0xABF4);
    x.range(3, 0) = x.range(15, 12);
    EXPECT_EQ(x, 0xABFA);
    ap_uint<8> lo = x.range(7, 0);
    EXPECT_EQ(lo, 0xFA);
    int v = x.range(11, 8);
    EXPECT_EQ(v, 0xB);
    EXPECT_EQ(x.range(0, 3), 0x5); // reversed: bits 0..3 of 0xA (1010) -> 0101
    ap_int<8> s = 0;
    s.range(7, 4) = 0x8; // writes into the sign bit
    EXPECT_EQ(s, -128);
    ap_uint<130> w = 0;
    w.range(129, 60) = ap_uint<70>(-1);
    EXPECT_EQ(w.countOnes(), 70);
    EXPECT_EQ(w.range(63, 58), 0x3C);
    EXPECT_EQ(w.range(129, 128), 3);
    ap_int<100> n = -1;
    EXPECT_EQ(n.range(99, 36).to_uint64(), ~0ull);
    EXPECT_TRUE(x.range(7, 0).or_reduce());
    x.range(7, 0) += 1;
    EXPECT_EQ(x, 0xABFB);
}

TEST(ApInt, Concat) {
    ap_uint<4> hi = 0xA, lo = 0x5;
    ap_uint<8> c = (hi, lo);
    EXPECT_EQ(c, 0xA5);
    EXPECT_EQ(hi.concat(lo), 0xA5);
    EXPECT_EQ(decltype(hi.concat(lo))::width, 8);
    (hi, lo) = ap_uint<8>(0x3C);
    EXPECT_EQ(hi, 3);
    EXPECT_EQ(lo, 0xC);
    ap_int<3> s = -1;
    ap_uint<6> t = (s, ap_uint<3>(0));
    EXPECT_EQ(t, 0x38);
    ap_uint<1> b = 1;
    ap_uint<70> big = 0;
    ap_uint<71> r = (b, big);
    EXPECT_TRUE(r[70]);
    EXPECT_EQ(r.countOnes(), 1);
    ap_uint<12> x = 0;
    (x.range(11, 8), x[0]) = 0; // range refs in concat have the source width (12)
    ap_uint<8> y = 0xF0;
    (y[7], y[0]) = 1; // bit refs
    EXPECT_EQ(y, 0x71);
    ap_uint<2> one = 1;
    auto three = (hi, lo, one); // refers to named objects only
    EXPECT_EQ(three.length(), 10);
    EXPECT_EQ(ap_uint<10>(three), (0x3C << 2) | 1);
}

TEST(ApInt, Conversions) {
    ap_int<12> a = -100;
    EXPECT_EQ(a.to_int(), -100);
    EXPECT_EQ(a.to_long(), -100);
    EXPECT_EQ(a.to_int64(), -100);
    EXPECT_EQ(a.to_uint(), (unsigned)-100);
    EXPECT_DOUBLE_EQ(a.to_double(), -100.0);
    EXPECT_EQ(a.length(), 12);
    int arr[8] = {0, 1, 2, 3, 4, 5, 6, 7};
    ap_uint<3> idx = 6;
    EXPECT_EQ(arr[idx], 6); // implicit conversion for indexing
    long long ll = ap_int<40>(-(1LL << 38));
    EXPECT_EQ(ll, -(1LL << 38));
    ap_int<16> fromd = -3.9; // truncation toward zero
    EXPECT_EQ(fromd, -3);
    ap_uint<80> bigd = 1e20;
    EXPECT_EQ(str(bigd), "100000000000000000000");
    EXPECT_DOUBLE_EQ(ap_int<100>("-123456789012345678901234567").to_double(),
                     -1.2345678901234568e26);
    switch (ap_uint<2>(2)) {
    case 2:
        SUCCEED();
        break;
    default:
        FAIL();
    }
}

TEST(ApInt, Strings) {
    EXPECT_EQ(ap_uint<8>("0xFF", 16), 255);
    EXPECT_EQ(ap_uint<8>("255"), 255);
    EXPECT_EQ(ap_int<8>("-128"), -128);
    EXPECT_EQ(ap_uint<8>("0b1010"), 10);
    EXPECT_EQ(ap_uint<8>("ff", 16), 255);
    EXPECT_EQ(ap_uint<96>("76543210fedcba9876543210", 16).range(95, 64), 0x76543210u);
    ap_uint<8> v = 5;
    EXPECT_EQ(v.to_string(), "0b0101"); // as the reference implementation prints it
    EXPECT_EQ(v.to_string(10), "5");
    EXPECT_EQ(v.to_string(16), "0x5");
    ap_int<8> n = -22;
    EXPECT_EQ(n.to_string(10), "-22");
    EXPECT_EQ(n.to_string(10, false), "234");
    EXPECT_EQ(ap_uint<8>(234).to_string(10, true), "-22");
    // As in the vendor's header, the radix comes from std::cout's flags, not the stream's.
    std::ostringstream os;
    os << std::hex << ap_uint<72>("10fedcba9876543210", 16) << " " << std::oct << ap_uint<9>(8)
       << std::dec << " " << ap_int<5>(-3);
    EXPECT_EQ(os.str(), "313512663723845890576 8 -3");
    auto saved = std::cout.flags();
    std::cout << std::hex;
    std::ostringstream hex;
    hex << ap_uint<12>(0x12c) << " " << ap_int<12>(-300);
    std::cout.flags(saved);
    EXPECT_EQ(hex.str(), "0x12c -0x12c");
}

TEST(ApInt, Reductions) {
    EXPECT_TRUE(ap_uint<7>(127).and_reduce());
    EXPECT_FALSE(ap_uint<7>(126).and_reduce());
    EXPECT_TRUE(ap_uint<7>(1).or_reduce());
    EXPECT_FALSE(ap_uint<7>(0).or_reduce());
    EXPECT_TRUE(ap_uint<7>(7).xor_reduce());
    EXPECT_FALSE(ap_uint<7>(3).xor_reduce());
    EXPECT_TRUE(ap_int<65>(-1).and_reduce());
    EXPECT_TRUE(ap_uint<3>(6).nand_reduce());
    EXPECT_TRUE(ap_uint<3>(0).nor_reduce());
    EXPECT_TRUE(ap_uint<3>(3).xnor_reduce());
    ap_uint<8> r = 0x01;
    r.reverse();
    EXPECT_EQ(r, 0x80);
    ap_uint<70> r70 = 3;
    r70.reverse();
    EXPECT_TRUE(r70[69] && r70[68]);
    EXPECT_EQ(ap_uint<17>(1).countLeadingZeros(), 16);
    EXPECT_EQ(ap_uint<100>(1).countLeadingZeros(), 99);
    ap_uint<8> rot = 0x81;
    rot.lrotate(1);
    EXPECT_EQ(rot, 0x03);
    rot.rrotate(2);
    EXPECT_EQ(rot, 0xC0);
}

TEST(ApInt, Constexpr) {
    constexpr ap_uint<8> k = 10;
    constexpr ap_uint<9> k2 = k + ap_uint<8>(5);
    static_assert(k2 == 15, "constexpr arithmetic");
    static_assert(ap_int<8>(-1) < ap_uint<8>(1), "constexpr comparison");
    int arr[k];
    EXPECT_EQ(sizeof(arr) / sizeof(arr[0]), 10u);
}

} // namespace
