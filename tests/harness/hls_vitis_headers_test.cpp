// Designs of our own, one per header / construct that real Vitis HLS code uses, written the
// way UG1399 shows them, compiled and run against hlsv's headers.
#include "ap_axi_sdata.h"
#include "ap_fixed.h"
#include "ap_float.h"
#include "ap_int.h"
#include "etc/ap_utils.h"
#include "hls_burst_maxi.h"
#include "hls_directio.h"
#include "hls_dsp_builtins.h"
#include "hls_fence.h"
#include "hls_fft.h"
#include "hls_fir.h"
#include "hls_np_channel.h"
#include "hls_stream.h"
#include "hls_streamofblocks.h"
#include "hls_task.h"

#include <complex>
#include <gtest/gtest.h>
#include <sstream>

namespace {

// ---- hls::stream<T, N> binds to hls::stream<T>& ------------------------------------------
void copy_n(hls::stream<int>& in, hls::stream<int>& out, int n) {
    for (int i = 0; i < n; ++i)
        out.write(in.read() * 2);
}

TEST(VitisStream, DeepStreamBindsToPlainReference) {
    hls::stream<int, 4096> in("in");
    hls::stream<int, 8> out("out");
    for (int i = 0; i < 5; ++i)
        in.write(i);
    copy_n(in, out, 5); // stream<int, N> -> stream<int>&
    EXPECT_EQ(out.capacity(), 8);
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(out.read(), 2 * i);
    hls::stream<int>& base = out;
    for (int i = 0; i < 8; ++i)
        base.write(i);
    EXPECT_TRUE(base.full()); // the depth is seen through the base reference
}

// ---- hls::task: streams shared, scalars and pointers copied -------------------------------
void scale(hls::stream<int>& in, hls::stream<int>& out, int factor, const int* offset) {
    out.write(in.read() * factor + *offset);
}

const int g_offset = 7;
void start_scaler(hls::stream<int>& in, hls::stream<int>& out, int factor) {
    // `factor` dies when this function returns: the task must hold a copy
    hls_thread_local hls::task t(scale, in, out, factor, &g_offset);
}

TEST(VitisTask, ScalarArgumentsAreCopied) {
    hls_thread_local hls::stream<int, 16> in("tin");
    hls_thread_local hls::stream<int, 16> out("tout");
    start_scaler(in, out, 3);
    volatile int clobber[64];
    for (int i = 0; i < 64; ++i)
        clobber[i] = -1; // reuse the stack the argument lived on
    (void)clobber;
    for (int i = 0; i < 100; ++i)
        in.write(i);
    for (int i = 0; i < 100; ++i)
        ASSERT_EQ(out.read(), 3 * i + 7);
}

// ---- hls_np_channel.h: split / merge with worker tasks --------------------------------------
void worker(hls::stream<int>& in, hls::stream<int>& out) {
    out.write(in.read() + 1000);
}

TEST(VitisNpChannel, RoundRobinSplitAndMergeKeepOrder) {
    hls_thread_local hls::split::round_robin<int, 4> sp;
    hls_thread_local hls::merge::round_robin<int, 4> mg;
    hls_thread_local hls::task t[4];
    for (int i = 0; i < 4; ++i)
        t[i](worker, sp.out[i], mg.in[i]);
    for (int i = 0; i < 200; ++i)
        sp.in.write(i);
    for (int i = 0; i < 200; ++i)
        ASSERT_EQ(mg.out.read(), i + 1000);
}

TEST(VitisNpChannel, SequentialRoundRobinDistribution) {
    hls::split::round_robin<int, 3> sp;
    for (int i = 0; i < 6; ++i)
        sp.in.write(i);
    // element k goes to out[k % 3], whichever output is read first
    EXPECT_EQ(sp.out[2].read(), 2);
    EXPECT_EQ(sp.out[0].read(), 0);
    EXPECT_EQ(sp.out[1].read(), 1);
    EXPECT_EQ(sp.out[2].read(), 5);
    EXPECT_TRUE(sp.out[1].empty() == false);
    EXPECT_EQ(sp.out[1].read(), 4);
    EXPECT_EQ(sp.out[0].read(), 3);
}

TEST(VitisNpChannel, LoadBalanceDeliversEveryElementOnce) {
    hls_thread_local hls::split::load_balance<int, 3> sp;
    hls_thread_local hls::merge::load_balance<int, 3> mg;
    hls_thread_local hls::task t[3];
    for (int i = 0; i < 3; ++i)
        t[i](worker, sp.out[i], mg.in[i]);
    long sum = 0;
    for (int i = 0; i < 300; ++i)
        sp.in.write(i);
    for (int i = 0; i < 300; ++i)
        sum += mg.out.read();
    EXPECT_EQ(sum, 300L * 1000 + 299L * 300 / 2); // order-agnostic check, as UG1399 advises
}

// ---- hls_streamofblocks.h ------------------------------------------------------------------
typedef int block_t[8];
void producer(hls::stream_of_blocks<block_t>& s, int base) {
    hls::write_lock<block_t> b(s);
    for (int i = 0; i < 8; ++i)
        b[i] = base + i;
}
int consumer(hls::stream_of_blocks<block_t>& s) {
    hls::read_lock<block_t> b(s);
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += b[i];
    return sum;
}
TEST(VitisStreamOfBlocks, BlocksArriveWhole) {
    hls::stream_of_blocks<block_t, 3> s;
    EXPECT_TRUE(s.empty());
    producer(s, 0);
    producer(s, 100);
    EXPECT_FALSE(s.empty());
    EXPECT_EQ(consumer(s), 28);
    EXPECT_EQ(consumer(s), 828);
    EXPECT_TRUE(s.empty());
}

// ---- hls_directio.h --------------------------------------------------------------------------
void counter(hls::ap_vld<int>& reset_value, hls::ap_none<int>& step, hls::stream<int>& out) {
    static int count = 0;
    int r;
    if (reset_value.read_nb(r))
        count = r;
    count += step.read();
    out.write(count);
}
TEST(VitisDirectIo, VldAndNoneProtocols) {
    hls::ap_vld<int> reset_value;
    hls::ap_none<int> step;
    hls::stream<int> out;
    step.write(2);
    counter(reset_value, step, out); // no reset: 0 + 2
    counter(reset_value, step, out); // ap_none keeps its last value: 4
    reset_value << 100;
    EXPECT_TRUE(reset_value.valid());
    counter(reset_value, step, out); // 100 + 2
    EXPECT_FALSE(reset_value.valid());
    EXPECT_EQ(out.read(), 2);
    EXPECT_EQ(out.read(), 4);
    EXPECT_EQ(out.read(), 102);
}

// ---- hls_burst_maxi.h ------------------------------------------------------------------------
void burst_copy(hls::burst_maxi<int> in, hls::burst_maxi<int> out, int n) {
    in.read_request(0, n);
    out.write_request(0, n);
    for (int i = 0; i < n; ++i)
        out.write(in.read() + 1);
    out.write_response();
}
TEST(VitisBurstMaxi, ManualBurstCopies) {
    int a[16], b[16] = {0};
    for (int i = 0; i < 16; ++i)
        a[i] = i * i;
    burst_copy(a, b, 16);
    for (int i = 0; i < 16; ++i)
        EXPECT_EQ(b[i], i * i + 1);
}
TEST(VitisBurstMaxiDeathTest, ReadWithoutRequestAborts) {
    int a[4] = {0};
    EXPECT_DEATH(
        {
            hls::burst_maxi<int> p(a);
            (void)p.read();
        },
        "hlsv: burst_maxi::read\\(\\) without an outstanding read_request");
}

// ---- hls_dsp_builtins.h ----------------------------------------------------------------------
TEST(VitisDsp, IntrinsicsComputeAndWrap) {
    using namespace hls::dsp48e2;
    EXPECT_EQ((long)add_mul_add<REG_A1 | REG_P>(3, 4, 5, 6), (3 + 4) * 5 + 6);
    EXPECT_EQ((long)mul_sub<REG_M>(7, -3, 10), -31);
    EXPECT_EQ((long)mul_rev_sub<0>(7, 3, 10), -11);
    acc<REG_P | REG_M> a;
    long coeff[4] = {1, 2, 3, 4}, delay[4] = {5, 6, 7, 8};
    C_t r = 0;
    for (int i = 0; i < 4; ++i)
        r = a.mul_acc(delay[i], coeff[i], i == 0);
    EXPECT_EQ((long)r, 5 + 12 + 21 + 32);
    // the pre-adder is 27 bits wide on DSP48E2
    EXPECT_EQ((long)add_mul<0>((1 << 26) - 1, 1, 1), -(1L << 26));
    EXPECT_EQ((long)hls::dsp58::mul_add<0>(1 << 20, 1 << 20, 0), 1L << 40);
}

// ---- hls_fence.h / etc/ap_utils.h ---------------------------------------------------------
TEST(VitisFence, FullAndHalfFencesKeepSourceOrder) {
    hls::stream<int> s;
    int x = 0;
    s.write(1);
    hls::fence(s, x);
    x = s.read();
    hls::fence({s}, {x});
    ap_wait();
    ap_wait_n(4);
    EXPECT_EQ(x, 1);
}

// ---- ap_float.h ----------------------------------------------------------------------------
TEST(VitisApFloat, RoundsToFormat) {
    typedef ap_float<32, 8> f32;
    typedef ap_float<16, 5> f16;
    f32 a = 0.1, b = 0.2;
    EXPECT_EQ((a + b).to_float(), 0.1f + 0.2f); // ap_float<32, 8> is IEEE single
    f16 h = 1.0 / 3;
    EXPECT_DOUBLE_EQ(h.to_double(), 0.333251953125); // 10 fraction bits, ties-to-even
    f16 big = 70000.0;                               // above 65504: infinity
    EXPECT_TRUE(std::isinf(big.to_double()));
    EXPECT_DOUBLE_EQ(f16::min_value(), std::ldexp(1.0, -24));
    f16 tiny = std::ldexp(1.0, -25) * 1.5; // rounds to the smallest subnormal
    EXPECT_DOUBLE_EQ(tiny.to_double(), std::ldexp(1.0, -24));
}

// ---- hls_fft.h -----------------------------------------------------------------------------
struct fft_cfg : hls::ip_fft::params_t {
    static const unsigned ordering_opt = hls::ip_fft::natural_order;
    static const unsigned max_nfft = 6;
    static const bool has_nfft = false;
};
typedef ap_fixed<16, 1> fft_data_t;
typedef std::complex<fft_data_t> fft_cplx_t;

TEST(VitisFft, ScaledForwardMatchesDoubleReference) {
    const int N = 64;
    fft_cplx_t xn[N], xk[N];
    std::complex<double> ref[N];
    for (int i = 0; i < N; ++i)
        xn[i] = fft_cplx_t(fft_data_t(0.5 * std::cos(2 * M_PI * 5 * i / N)),
                           fft_data_t(0.25 * std::sin(0.3 * i)));
    for (int k = 0; k < N; ++k) {
        for (int n = 0; n < N; ++n)
            ref[k] += std::complex<double>((double)xn[n].real(), (double)xn[n].imag()) *
                      std::polar(1.0, -2 * M_PI * k * n / N);
        ref[k] /= 64.0; // schedule below shifts 2+2+2 bits
    }
    hls::ip_fft::config_t<fft_cfg> cfg;
    hls::ip_fft::status_t<fft_cfg> st;
    cfg.setDir(1);
    cfg.setSch(0x2A); // three radix-4 stages, 2 bits each
    hls::fft<fft_cfg>(xn, xk, &st, &cfg);
    double lsb = std::ldexp(1.0, -15);
    for (int k = 0; k < N; ++k) {
        EXPECT_NEAR((double)xk[k].real(), ref[k].real(), lsb) << k;
        EXPECT_NEAR((double)xk[k].imag(), ref[k].imag(), lsb) << k;
    }
    EXPECT_FALSE(st.getOvflo());
    EXPECT_NEAR((double)xk[5].real(), 0.25, 0.01); // the cosine's bin (plus the sine's leakage)
}

TEST(VitisFft, UnscaledOverflowIsReported) {
    const int N = 64;
    fft_cplx_t xn[N], xk[N];
    for (int i = 0; i < N; ++i)
        xn[i] = fft_cplx_t(fft_data_t(0.5), fft_data_t(0));
    hls::ip_fft::config_t<fft_cfg> cfg;
    hls::ip_fft::status_t<fft_cfg> st;
    cfg.setSch(0); // no scaling: DC bin = 32 does not fit ap_fixed<16, 1>
    hls::fft<fft_cfg>(xn, xk, &st, &cfg);
    EXPECT_TRUE(st.getOvflo());
}

// ---- hls_fir.h -----------------------------------------------------------------------------
struct fir_cfg : hls::ip_fir::params_t {
    static const double coeff_vec[5];
    static const unsigned num_coeffs = 5;
    static const unsigned input_length = 8;
    static const unsigned output_length = 8;
};
const double fir_cfg::coeff_vec[5] = {1, 2, 3, 2, 1};

TEST(VitisFir, ConvolutionWithStateAcrossCalls) {
    static hls::FIR<fir_cfg> fir;
    int in[8] = {1, 0, 0, 0, 0, 0, 0, 0}, out[8];
    fir.run(in, out); // impulse response
    int expect[8] = {1, 2, 3, 2, 1, 0, 0, 0};
    for (int i = 0; i < 8; ++i)
        EXPECT_EQ(out[i], expect[i]);
    int in2[8] = {0, 0, 0, 0, 0, 0, 0, 1}, out2[8];
    fir.run(in2, out2);
    EXPECT_EQ(out2[0], 0);
    EXPECT_EQ(out2[7], 1);
    int in3[8] = {1, 1, 1, 1, 1, 1, 1, 1}, out3[8];
    fir.run(in3, out3); // history carries the last 1 of in2
    EXPECT_EQ(out3[0], 1 + 2);
    EXPECT_EQ(out3[4], 9);
}

struct fir_decim_cfg : hls::ip_fir::params_t {
    static const double coeff_vec[2];
    static const unsigned num_coeffs = 2;
    static const unsigned input_length = 8;
    static const unsigned output_length = 4;
    static const unsigned filter_type = hls::ip_fir::decimation;
    static const unsigned decim_rate = 2;
};
const double fir_decim_cfg::coeff_vec[2] = {0.5, 0.5};

TEST(VitisFir, DecimationAveragesPairs) {
    hls::FIR<fir_decim_cfg> fir;
    ap_fixed<16, 8> in[8], out[4];
    for (int i = 0; i < 8; ++i)
        in[i] = i;
    fir.run(in, out);
    EXPECT_EQ((double)out[0], 0.0);
    EXPECT_EQ((double)out[1], 1.5);
    EXPECT_EQ((double)out[3], 5.5);
}

// ---- ap_axi_sdata.h templates ----------------------------------------------------------------
TEST(VitisAxis, AxisUserAndAxisData) {
    hls::stream<hls::axis_user<12>> s;
    hls::axis_user<12> w;
    w.set_user(0xABC);
    w.set_last(true);
    s.write(w);
    auto r = s.read();
    EXPECT_EQ((unsigned)r.get_user(), 0xABCu);
    EXPECT_TRUE(r.get_last());
    hls::axis_data<ap_int<24>, AXIS_ENABLE_LAST> d;
    d.set_data(-5);
    EXPECT_EQ(d.get_data().to_int(), -5);
    EXPECT_EQ(decltype(d.keep)::width, 3);
    hls::axis<float, 4, 2, 3, AXIS_ENABLE_ALL, true> f;
    f.set_dest(5);
    EXPECT_EQ((unsigned)f.get_dest(), 5u);
}

// ---- printing as the vendor's headers print ------------------------------------------------
TEST(VitisPrinting, ApFixedIgnoresFixedAndTrimsZeros) {
    std::ostringstream os;
    os << std::fixed << std::setprecision(15) << ap_fixed<16, 4>(0.25) << ' '
       << ap_fixed<16, 4>(-3.140625);
    EXPECT_EQ(os.str(), "0.25 -3.140625");
    std::ostringstream o2;
    o2 << ap_fixed<40, 30>(123456789.75) << ' ' << std::setprecision(3)
       << ap_fixed<20, 2>(0.0000305);
    EXPECT_EQ(o2.str(), "1.23456e+08 2.67e-05"); // the vendor rounds on the digit after next here
    std::ostringstream o3;
    o3 << '[' << std::setw(8) << ap_fixed<16, 4>(0.5) << ']';
    EXPECT_EQ(o3.str(), "[            0.5]"); // the vendor pads the first fill at the width too
}

TEST(VitisPrinting, ToStringRadixes) {
    EXPECT_EQ(ap_int<12>(-300).to_string(16), "-0x12c");
    EXPECT_EQ(ap_int<12>(-300).to_string(), "0b111011010100");
    EXPECT_EQ(ap_uint<8>(4).to_string(8), "0o04");
    EXPECT_EQ(ap_uint<8>(100).to_string(2), "0b01100100");
    EXPECT_EQ((ap_uint<70>(200).to_string(16)), "0x0C8");
    EXPECT_EQ((ap_fixed<8, 4>(-2.5).to_string(16)), "-0x2.8p0");
    EXPECT_EQ((ap_fixed<16, 4>(0.25).to_string()), "0b0.010000000000");
}

} // namespace
