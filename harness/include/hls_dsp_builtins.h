// hlsv -- hls_dsp_builtins.h : DSP intrinsics for C simulation (written for
// hlsv from the behaviour UG1399 documents).
//
// Namespaces hls::dsp48e1, hls::dsp48e2 and hls::dsp58 each provide the
// port types A_t, B_t, C_t, D_t, the register flags REG_A1 ... REG_P (a
// template argument that only matters to synthesis) and
//   mul_add     P = A * B + C        mul_sub     P = A * B - C
//   mul_rev_sub P = C - A * B        add_mul_add P = (D + A) * B + C
//   add_mul_sub P = (D + A) * B - C  sub_mul_add P = (D - A) * B + C
//   sub_mul_sub P = (D - A) * B - C  add_mul P = (D + A) * B, sub_mul P = (D - A) * B
//   acc<flags>: mul_acc(a, b, init) P = (init ? 0 : P) + A * B,
//               add_mul_acc(d, a, b, init) P = (init ? 0 : P) + (D + A) * B
// Arguments convert to the port types (two's complement wrap, as ap_int
// assignment); the pre-adder wraps to the multiplier's A width and P wraps
// to C_t, as the DSP slice computes.
#ifndef HLSV_HLS_DSP_BUILTINS_H
#define HLSV_HLS_DSP_BUILTINS_H

#include <cstdint>

#include "ap_int.h"

namespace hls {
namespace hlsv_rt {
enum : int64_t {
  DSP_REG_A1 = 1 << 0,
  DSP_REG_A2 = 1 << 1,
  DSP_REG_B1 = 1 << 2,
  DSP_REG_B2 = 1 << 3,
  DSP_REG_C = 1 << 4,
  DSP_REG_D = 1 << 5,
  DSP_REG_AD = 1 << 6,
  DSP_REG_M = 1 << 7,
  DSP_REG_P = 1 << 8,
};
}  // namespace hlsv_rt

#define HLSV_DSP_NAMESPACE(NS, WA, WB, WC, WD, WMUL)                                               \
  namespace NS {                                                                                   \
  typedef ap_int<WA> A_t;                                                                          \
  typedef ap_int<WB> B_t;                                                                          \
  typedef ap_int<WC> C_t;                                                                          \
  typedef ap_int<WD> D_t;                                                                          \
  constexpr int64_t REG_A1 = hlsv_rt::DSP_REG_A1, REG_A2 = hlsv_rt::DSP_REG_A2,                  \
                    REG_B1 = hlsv_rt::DSP_REG_B1, REG_B2 = hlsv_rt::DSP_REG_B2,                  \
                    REG_C = hlsv_rt::DSP_REG_C, REG_D = hlsv_rt::DSP_REG_D,                      \
                    REG_AD = hlsv_rt::DSP_REG_AD, REG_M = hlsv_rt::DSP_REG_M,                    \
                    REG_P = hlsv_rt::DSP_REG_P;                                                  \
  inline C_t hlsv_mul(A_t a, B_t b) { return C_t(ap_int<WMUL>(a) * b); }                         \
  inline C_t hlsv_pre(D_t d, A_t a, B_t b, bool sub) {                                           \
    ap_int<WMUL> ad = sub ? ap_int<WMUL>(d - a) : ap_int<WMUL>(d + a);                           \
    return C_t(ad * b);                                                                          \
  }                                                                                                \
  template <int64_t F = 0> C_t mul_add(A_t a, B_t b, C_t c) { return C_t(hlsv_mul(a, b) + c); } \
  template <int64_t F = 0> C_t mul_sub(A_t a, B_t b, C_t c) { return C_t(hlsv_mul(a, b) - c); } \
  template <int64_t F = 0> C_t mul_rev_sub(A_t a, B_t b, C_t c) {                               \
    return C_t(c - hlsv_mul(a, b));                                                              \
  }                                                                                                \
  template <int64_t F = 0> C_t add_mul_add(D_t d, A_t a, B_t b, C_t c) {                        \
    return C_t(hlsv_pre(d, a, b, false) + c);                                                    \
  }                                                                                                \
  template <int64_t F = 0> C_t add_mul_sub(D_t d, A_t a, B_t b, C_t c) {                        \
    return C_t(hlsv_pre(d, a, b, false) - c);                                                    \
  }                                                                                                \
  template <int64_t F = 0> C_t sub_mul_add(D_t d, A_t a, B_t b, C_t c) {                        \
    return C_t(hlsv_pre(d, a, b, true) + c);                                                     \
  }                                                                                                \
  template <int64_t F = 0> C_t sub_mul_sub(D_t d, A_t a, B_t b, C_t c) {                        \
    return C_t(hlsv_pre(d, a, b, true) - c);                                                     \
  }                                                                                                \
  template <int64_t F = 0> C_t add_mul(D_t d, A_t a, B_t b) { return hlsv_pre(d, a, b, false); } \
  template <int64_t F = 0> C_t sub_mul(D_t d, A_t a, B_t b) { return hlsv_pre(d, a, b, true); }  \
  template <int64_t F = 0> class acc {                                                           \
   public:                                                                                         \
    C_t mul_acc(A_t a, B_t b, bool init) {                                                       \
      p_ = C_t((init ? C_t(0) : p_) + hlsv_mul(a, b));                                           \
      return p_;                                                                                   \
    }                                                                                              \
    C_t add_mul_acc(D_t d, A_t a, B_t b, bool init) {                                            \
      p_ = C_t((init ? C_t(0) : p_) + hlsv_pre(d, a, b, false));                                 \
      return p_;                                                                                   \
    }                                                                                              \
                                                                                                   \
   private:                                                                                        \
    C_t p_ = 0;                                                                                    \
  };                                                                                               \
  }

// port widths: A (multiplier input), B, C/P, D; pre-adder/multiplier A width
HLSV_DSP_NAMESPACE(dsp48e1, 25, 18, 48, 25, 25)
HLSV_DSP_NAMESPACE(dsp48e2, 27, 18, 48, 27, 27)
HLSV_DSP_NAMESPACE(dsp58, 27, 24, 58, 27, 27)
#undef HLSV_DSP_NAMESPACE
}  // namespace hls

#endif  // HLSV_HLS_DSP_BUILTINS_H
