// Tests for ap_axi_sdata.h, hls_vector.h, hls_math.h, hls_print.h.
#include "ap_axi_sdata.h"
#include "hls_math.h"
#include "hls_print.h"
#include "hls_stream.h"
#include "hls_vector.h"

#include <cmath>
#include <cstdio>
#include <gtest/gtest.h>
#include <type_traits>

namespace {

TEST(AxiSdata, FieldsAndWidths) {
    ap_axis<32, 2, 5, 6> p;
    static_assert(decltype(p.data)::width == 32 && decltype(p.data)::sign_flag, "");
    static_assert(decltype(p.keep)::width == 4 && decltype(p.strb)::width == 4, "");
    static_assert(decltype(p.user)::width == 2 && decltype(p.id)::width == 5 &&
                      decltype(p.dest)::width == 6,
                  "");
    static_assert(decltype(p.last)::width == 1, "");
    p.data = -1;
    p.keep = -1;
    p.last = 1;
    p.user = 3;
    EXPECT_EQ(p.data, -1);
    EXPECT_EQ(p.keep, 0xF);
    EXPECT_EQ(p.user, 3);
    ap_axiu<12, 0, 0, 0> u; // zero-width side channels
    static_assert(decltype(u.keep)::width == 2, "(12+7)/8 bytes");
    u.data = 4095;
    u.user = 1; // ignored
    u.id = 5;
    EXPECT_EQ(u.data, 4095);
    EXPECT_EQ((unsigned)u.user, 0u);
    EXPECT_EQ((unsigned)u.dest, 0u);
    hls::axis<ap_uint<24>, 1> a;
    static_assert(decltype(a.keep)::width == 3, "");
    hls::axis<float> f;
    static_assert(decltype(f.keep)::width == 4, "");
    f.data = 1.5f;
    f.set_last(true);
    EXPECT_TRUE(f.get_last());
    hls::stream<ap_axiu<64, 1, 1, 1>> s;
    ap_axiu<64, 1, 1, 1> w;
    w.data = 0x123456789ABCDEFull;
    w.last = 1;
    w.keep = 0xFF;
    w.strb = 0xFF;
    w.user = 0;
    w.id = 1;
    w.dest = 0;
    s.write(w);
    ap_axiu<64, 1, 1, 1> r = s.read();
    EXPECT_EQ(r.data, 0x123456789ABCDEFull);
    EXPECT_EQ(r.id, 1);
}

TEST(HlsVector, ElementwiseOps) {
    hls::vector<int, 4> a{1, 2, 3, 4}, b(2);
    auto c = a * b + 1;
    EXPECT_EQ(c[0], 3);
    EXPECT_EQ(c[3], 9);
    EXPECT_EQ((a - b)[0], -1);
    EXPECT_EQ((a / b)[3], 2);
    EXPECT_TRUE((a + a) == (a * 2));
    EXPECT_TRUE(a != b);
    EXPECT_EQ(a.reduce_add(), 10);
    EXPECT_EQ(a.reduce_mult(), 24);
    EXPECT_EQ(a.reduce_max(), 4);
    EXPECT_EQ(a.reduce_min(), 1);
    a += b;
    EXPECT_EQ(a[1], 4);
    EXPECT_EQ((hls::vector<int, 4>::size()), 4u);
    hls::vector<ap_int<12>, 3> v(ap_int<12>(100));
    v *= ap_int<12>(-3);
    EXPECT_EQ(v[2], -300);
    EXPECT_EQ(v.reduce_add(), -900);
    hls::vector<float, 2> fv{1.5f, 2.5f};
    EXPECT_FLOAT_EQ((fv * fv).reduce_add(), 8.5f);
}

TEST(HlsMath, FloatDoubleAndFixed) {
    EXPECT_FLOAT_EQ(hls::sqrt(2.0f), std::sqrt(2.0f));
    EXPECT_DOUBLE_EQ(hls::exp(1.0), std::exp(1.0));
    EXPECT_DOUBLE_EQ(hls::log(10.0), std::log(10.0));
    EXPECT_DOUBLE_EQ(hls::sin(0.5), std::sin(0.5));
    EXPECT_DOUBLE_EQ(hls::cos(0.5), std::cos(0.5));
    EXPECT_DOUBLE_EQ(hls::pow(2.0, 10.0), 1024.0);
    EXPECT_DOUBLE_EQ(hls::floor(-1.5), -2.0);
    EXPECT_DOUBLE_EQ(hls::ceil(-1.5), -1.0);
    EXPECT_DOUBLE_EQ(hls::fabs(-3.0), 3.0);
    EXPECT_EQ(hls::abs(-3), 3);
    EXPECT_EQ(hls::min(3, 4), 3);
    EXPECT_EQ(hls::max(3, 4), 4);
    ap_fixed<16, 8> x = 2.0;
    auto r = hls::sqrt(x);
    static_assert(std::is_same<decltype(r), ap_fixed<16, 8>>::value,
                  "result keeps the argument type");
    EXPECT_DOUBLE_EQ(r.to_double(), (ap_fixed<16, 8>(std::sqrt(2.0)).to_double()));
    EXPECT_DOUBLE_EQ((hls::abs(ap_fixed<16, 8>(-1.25)).to_double()), 1.25);
    EXPECT_EQ(hls::abs(ap_int<8>(-5)), 5);
    EXPECT_DOUBLE_EQ((hls::floor(ap_fixed<16, 8>(-1.25)).to_double()), -2.0);
    EXPECT_DOUBLE_EQ((hls::pow(ap_fixed<16, 8>(1.5), ap_fixed<16, 8>(2)).to_double()), 2.25);
    EXPECT_TRUE((hls::min(ap_int<8>(-3), ap_int<8>(2)) == -3));
}

TEST(HlsPrint, PrintfLike) {
    testing::internal::CaptureStdout();
    hls::print("plain\n");
    hls::print("i=%d\n", -7);
    hls::print("u=%u\n", 7u);
    hls::print("f=%.2f\n", 1.25);
    hls::print("a=%d\n", ap_int<10>(-300));
    hls::print("x=%.3f\n", ap_fixed<16, 8>(0.5));
    std::fflush(stdout);
    std::string out = testing::internal::GetCapturedStdout();
    EXPECT_EQ(out, "plain\ni=-7\nu=7\nf=1.25\na=-300\nx=0.500\n");
}

} // namespace
