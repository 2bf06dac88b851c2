// hlsv -- hls_math.h : hls:: math functions for C simulation (written for hlsv).
// float/double versions call the C library (through GCC builtins, so no
// <cmath> parse cost); ap_fixed / ap_ufixed versions compute in double and
// convert back to the argument's type (its quantization/overflow apply).
#ifndef HLSV_HLS_MATH_H
#define HLSV_HLS_MATH_H

#include "ap_fixed.h"
#include "ap_int.h"

namespace hls {
#define HLSV_M1(NAME, BF, BD)                                                             \
  inline float NAME(float x) { return BF(x); }                                            \
  inline double NAME(double x) { return BD(x); }                                          \
  inline float NAME##f(float x) { return BF(x); }                                         \
  template <class T, typename std::enable_if<std::is_integral<T>::value, int>::type = 0> \
  inline double NAME(T x) {                                                               \
    return BD((double)x);                                                                 \
  }                                                                                       \
  template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>                                \
  inline ap_fixed<W, I, Q, O, N> NAME(const ap_fixed<W, I, Q, O, N>& x) {                 \
    return ap_fixed<W, I, Q, O, N>(BD(x.to_double()));                                    \
  }                                                                                       \
  template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>                                \
  inline ap_ufixed<W, I, Q, O, N> NAME(const ap_ufixed<W, I, Q, O, N>& x) {               \
    return ap_ufixed<W, I, Q, O, N>(BD(x.to_double()));                                   \
  }
HLSV_M1(sqrt, __builtin_sqrtf, __builtin_sqrt)
HLSV_M1(exp, __builtin_expf, __builtin_exp)
HLSV_M1(exp2, __builtin_exp2f, __builtin_exp2)
HLSV_M1(log, __builtin_logf, __builtin_log)
HLSV_M1(log2, __builtin_log2f, __builtin_log2)
HLSV_M1(log10, __builtin_log10f, __builtin_log10)
HLSV_M1(sin, __builtin_sinf, __builtin_sin)
HLSV_M1(cos, __builtin_cosf, __builtin_cos)
HLSV_M1(tan, __builtin_tanf, __builtin_tan)
HLSV_M1(asin, __builtin_asinf, __builtin_asin)
HLSV_M1(acos, __builtin_acosf, __builtin_acos)
HLSV_M1(atan, __builtin_atanf, __builtin_atan)
HLSV_M1(sinh, __builtin_sinhf, __builtin_sinh)
HLSV_M1(cosh, __builtin_coshf, __builtin_cosh)
HLSV_M1(tanh, __builtin_tanhf, __builtin_tanh)
HLSV_M1(floor, __builtin_floorf, __builtin_floor)
HLSV_M1(ceil, __builtin_ceilf, __builtin_ceil)
HLSV_M1(round, __builtin_roundf, __builtin_round)
HLSV_M1(trunc, __builtin_truncf, __builtin_trunc)
HLSV_M1(fabs, __builtin_fabsf, __builtin_fabs)
HLSV_M1(rsqrt, 1.0f / __builtin_sqrtf, 1.0 / __builtin_sqrt)
HLSV_M1(recip, 1.0f /, 1.0 /)
#undef HLSV_M1

#define HLSV_M2(NAME, BF, BD)                                                                   \
  inline float NAME(float x, float y) { return BF(x, y); }                                      \
  inline double NAME(double x, double y) { return BD(x, y); }                                   \
  inline float NAME##f(float x, float y) { return BF(x, y); }                                   \
  template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>                                      \
  inline ap_fixed<W, I, Q, O, N> NAME(const ap_fixed<W, I, Q, O, N>& x,                         \
                                      const ap_fixed<W, I, Q, O, N>& y) {                       \
    return ap_fixed<W, I, Q, O, N>(BD(x.to_double(), y.to_double()));                           \
  }                                                                                             \
  template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>                                      \
  inline ap_ufixed<W, I, Q, O, N> NAME(const ap_ufixed<W, I, Q, O, N>& x,                       \
                                       const ap_ufixed<W, I, Q, O, N>& y) {                     \
    return ap_ufixed<W, I, Q, O, N>(BD(x.to_double(), y.to_double()));                          \
  }
HLSV_M2(pow, __builtin_powf, __builtin_pow)
HLSV_M2(atan2, __builtin_atan2f, __builtin_atan2)
HLSV_M2(fmod, __builtin_fmodf, __builtin_fmod)
HLSV_M2(hypot, __builtin_hypotf, __builtin_hypot)
HLSV_M2(fmin, __builtin_fminf, __builtin_fmin)
HLSV_M2(fmax, __builtin_fmaxf, __builtin_fmax)
HLSV_M2(copysign, __builtin_copysignf, __builtin_copysign)
#undef HLSV_M2

inline int abs(int x) { return x < 0 ? -x : x; }
inline long abs(long x) { return x < 0 ? -x : x; }
inline long long abs(long long x) { return x < 0 ? -x : x; }
inline float abs(float x) { return __builtin_fabsf(x); }
inline double abs(double x) { return __builtin_fabs(x); }
template <int W> inline ap_int<W> abs(const ap_int<W>& x) { return x.isneg() ? ap_int<W>(-x) : x; }
template <int W> inline ap_uint<W> abs(const ap_uint<W>& x) { return x; }
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
inline ap_fixed<W, I, Q, O, N> abs(const ap_fixed<W, I, Q, O, N>& x) {
  return x.is_neg() ? ap_fixed<W, I, Q, O, N>(-x) : x;
}
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
inline ap_ufixed<W, I, Q, O, N> abs(const ap_ufixed<W, I, Q, O, N>& x) {
  return x;
}

template <class T> inline T min(const T& a, const T& b) { return b < a ? b : a; }
template <class T> inline T max(const T& a, const T& b) { return a < b ? b : a; }

inline bool isnan(double x) { return __builtin_isnan(x); }
inline bool isinf(double x) { return __builtin_isinf(x); }
inline bool isfinite(double x) { return __builtin_isfinite(x); }
inline bool signbit(double x) { return __builtin_signbit(x); }
}  // namespace hls

#endif  // HLSV_HLS_MATH_H
