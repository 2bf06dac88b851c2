// Random-operation generator for the differential test of ap_int / ap_fixed
// (tests/harness/ap_diff.sh).  The same file is compiled once with hlsv's
// headers and once with the reference implementation; both binaries must
// print byte-identical text.  It uses only API both implementations have.
//
//   usage: ap_diff_gen [iterations-per-type-pair]   (default 200)
// Every printed line is one compared operation result; the last line on
// stderr is the count.
#include <ap_fixed.h>
#include <ap_int.h>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace {

unsigned long long g_state = 0x9E3779B97F4A7C15ull;
unsigned long long next_u64() { // xorshift64*
    g_state ^= g_state >> 12;
    g_state ^= g_state << 25;
    g_state ^= g_state >> 27;
    return g_state * 2685821657736338717ull;
}

long g_count = 0;

template <class T> struct sgn;
template <int W> struct sgn<ap_int<W>> { static constexpr bool value = true; };
template <int W> struct sgn<ap_uint<W>> { static constexpr bool value = false; };
template <class T> struct fsgn;
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N> struct fsgn<ap_fixed<W, I, Q, O, N>> {
    static constexpr bool value = true;
};
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N> struct fsgn<ap_ufixed<W, I, Q, O, N>> {
    static constexpr bool value = false;
};

template <class X> void put(const char* tag, const char* op, const X& x) {
    std::cout << tag << ' ' << op << ' ' << x << '\n';
    ++g_count;
}
void put_s(const char* tag, const char* op, const std::string& s) {
    std::cout << tag << ' ' << op << ' ' << s << '\n';
    ++g_count;
}

// Random raw bits for an ap_int / ap_uint of width W, biased towards edge values.
template <class T, int W> T rnd_int() {
    T x = 0;
    unsigned long long pick = next_u64() % 8;
    if (pick == 0)
        return T(0);
    if (pick == 1) {
        x = 0;
        return T(~x);
    }
    for (int done = 0; done < W; done += 32) {
        x = T(x << (W > 32 ? 32 : 0));
        x = T(x | T((unsigned)next_u64()));
    }
    if (pick == 2)
        x = T(x >> (int)(next_u64() % W)); // small magnitudes
    return x;
}

template <class A, class B> void int_pair(const char* tag, int iters) {
    constexpr int WA = A::width, WB = B::width;
    for (int i = 0; i < iters; ++i) {
        A a = rnd_int<A, WA>();
        B b = rnd_int<B, WB>();
        put(tag, "a", a);
        put(tag, "b", b);
        put(tag, "+", a + b);
        put(tag, "-", a - b);
        put(tag, "*", a * b);
        // Known differences, not compared: with mixed signedness the reference
        // divides and compares in unsigned arithmetic when the unsigned operand
        // is as wide or wider (e.g. ap_uint<48>(5) < ap_int<17>(-1) is true);
        // hlsv compares the values.
        constexpr bool mixed = sgn<A>::value != sgn<B>::value;
        if (b != 0 && !mixed) {
            put(tag, "/", a / b);
            put(tag, "%", a % b);
        }
        put(tag, "&", a & b);
        put(tag, "|", a | b);
        put(tag, "^", a ^ b);
        put(tag, "~", ~a);
        put(tag, "-a", -a);
        int sh = (int)(next_u64() % WA);
        put(tag, "<<", a << sh);
        put(tag, ">>", a >> sh);
        if (!mixed) {
            put(tag, "<", a < b);
            put(tag, "==", a == b);
            put(tag, ">=", a >= b);
        }
        A c = a;
        c += b;
        put(tag, "+=", c);
        c *= b;
        put(tag, "*=", c);
        c -= b;
        put(tag, "-=", c);
        B d = a; // wrap on assignment
        put(tag, "conv", d);
        put(tag, "int", a.to_int());
        put(tag, "i64", (long long)a.to_int64());
        put(tag, "u64", (unsigned long long)a.to_uint64());
        if (WA <= 64)
            put(tag, "dbl", a.to_double()); // reference: low 64 bits only above
        put_s(tag, "s2", a.to_string(2));
        put_s(tag, "s8", a.to_string(8));
        put_s(tag, "s10", a.to_string(10));
        put_s(tag, "s16", a.to_string(16));
        put_s(tag, "s16u", a.to_string(16, false));
        int hi = (int)(next_u64() % WA), lo = (int)(next_u64() % (hi + 1));
        put(tag, "range", a.range(hi, lo));
        put(tag, "bit", (int)a[hi]);
        put(tag, "cat", (a, b));
        std::cout << std::hex;
        put(tag, "hex", a);
        std::cout << std::oct;
        put(tag, "oct", a);
        std::cout << std::dec;
    }
}

template <class T> T rnd_fixed() {
    T x;
    constexpr int W = T::width;
    ap_uint<W> bits = rnd_int<ap_uint<W>, W>();
    x.range(W - 1, 0) = bits;
    return x;
}

template <class X> void put_fx_formats(const char* tag, const X& x) {
    // not compared: with more integer than total bits (I > W) the reference prints the most
    // negative value as "-0"
    if (X::iwidth > X::width && x.to_double() == -std::ldexp(1.0, X::iwidth - 1))
        return;
    put(tag, "fx", x);
    std::cout << std::fixed << std::setprecision(15);
    put(tag, "fx15", x);
    std::cout << std::setprecision(3);
    put(tag, "fx3", x);
    std::cout.unsetf(std::ios_base::floatfield);
    std::cout << std::setprecision(10);
    put(tag, "fx10", x);
    std::cout << std::setprecision(6);
    std::ostringstream os;
    os << '[' << std::setw(12) << x << ']';
    put_s(tag, "setw", os.str());
}

template <class A, class B> void fixed_pair(const char* tag, int iters) {
    for (int i = 0; i < iters; ++i) {
        A a = rnd_fixed<A>();
        B b = rnd_fixed<B>();
        put_fx_formats(tag, a);
        put_s(tag, "s10", a.to_string(10));
        // not compared for I > W: the reference's binary/hex text drops bits then
        if (A::iwidth <= A::width) {
            put_s(tag, "s2", a.to_string(2));
            put_s(tag, "s16", a.to_string(16));
            put_s(tag, "s8", a.to_string(8));
        }
        put_fx_formats(tag, a + b);
        put_fx_formats(tag, a - b);
        put_fx_formats(tag, a * b);
        if (b != 0)
            put_fx_formats(tag, a / b);
        if (fsgn<A>::value == fsgn<B>::value) { // mixed signedness: see int_pair
            put(tag, "<", a < b);
            put(tag, "==", a == b);
        }
        put(tag, "dbl", a.to_double());
        if (A::iwidth >= 0) { // I < 0: the reference's result is an uninitialised value
            put(tag, "int", a.to_int());
            put(tag, "i64", (long long)a.to_int64());
        }
        B c = a; // quantisation and overflow of B
        put_fx_formats(tag, c);
        A e = a + b;
        put_fx_formats(tag, e);
        e = a * b;
        put_fx_formats(tag, e);
        int sh = (int)(next_u64() % 8);
        put_fx_formats(tag, a << sh);
        put_fx_formats(tag, a >> sh);
        double d = ((long long)next_u64() % 2000001 - 1000000) / (double)(1 + next_u64() % 4096);
        A f = d; // from double
        put_fx_formats(tag, f);
        B g = (int)(next_u64() % 200) - 100; // from int
        put_fx_formats(tag, g);
        put_fx_formats(tag, -a);
        // not compared: the reference prints a fixed-point range as binary text
    }
}

} // namespace

#define INT_PAIR(A, B) int_pair<A, B>(#A "|" #B, iters)
#define FX_PAIR(A, B) fixed_pair<A, B>(#A "|" #B, iters)

typedef ap_fixed<16, 4> f16_4;
typedef ap_ufixed<12, 3> uf12_3;
typedef ap_fixed<24, 8, AP_RND, AP_SAT> f24_8_rnd_sat;
typedef ap_fixed<32, -2, AP_RND_CONV> f32_m2_conv;
typedef ap_fixed<8, 10, AP_RND_ZERO, AP_SAT_SYM> f8_10_rz_sym;
typedef ap_fixed<40, 20, AP_RND_INF, AP_SAT_ZERO> f40_20_ri_sz;
typedef ap_fixed<64, 32, AP_RND_MIN_INF> f64_32_rmi;
typedef ap_ufixed<20, 20, AP_TRN_ZERO, AP_SAT> uf20_20_tz_sat;
typedef ap_fixed<18, 2, AP_TRN, AP_WRAP> f18_2;
typedef ap_fixed<48, 16> f48_16;

int main(int argc, char** argv) {
    int iters = argc > 1 ? std::atoi(argv[1]) : 200;
    INT_PAIR(ap_int<8>, ap_int<8>);
    INT_PAIR(ap_uint<8>, ap_int<5>);
    INT_PAIR(ap_int<13>, ap_uint<7>);
    INT_PAIR(ap_uint<16>, ap_uint<16>);
    INT_PAIR(ap_int<31>, ap_uint<33>);
    INT_PAIR(ap_int<32>, ap_int<32>);
    INT_PAIR(ap_uint<48>, ap_int<17>);
    INT_PAIR(ap_int<63>, ap_int<64>);
    INT_PAIR(ap_uint<64>, ap_uint<64>);
    INT_PAIR(ap_int<65>, ap_int<12>);
    INT_PAIR(ap_uint<100>, ap_int<40>);
    INT_PAIR(ap_int<128>, ap_uint<128>);
    INT_PAIR(ap_uint<1>, ap_int<2>);
    FX_PAIR(f16_4, f16_4);
    FX_PAIR(f16_4, uf12_3);
    FX_PAIR(uf12_3, f24_8_rnd_sat);
    FX_PAIR(f24_8_rnd_sat, f32_m2_conv);
    FX_PAIR(f32_m2_conv, f16_4); // (x, ap_fixed<8, 10>) products trip an assertion in the reference
    FX_PAIR(f8_10_rz_sym, f40_20_ri_sz);
    FX_PAIR(f40_20_ri_sz, f64_32_rmi);
    FX_PAIR(f64_32_rmi, uf20_20_tz_sat);
    FX_PAIR(uf20_20_tz_sat, f18_2);
    FX_PAIR(f18_2, f48_16);
    FX_PAIR(f48_16, f16_4);
    std::fflush(stdout);
    std::cerr << g_count << " operations\n";
    return 0;
}
