// hlsv -- ap_fixed.h : arbitrary-precision fixed point for C simulation.
//
// Written for hlsv from the documented semantics of Vitis-HLS style
// ap_fixed<W,I,Q,O,N> / ap_ufixed<W,I,Q,O,N> (no vendor code).
//
// Representation: raw two's-complement integer V of W bits; value is
// V * 2^-(W-I).  Arithmetic results are full precision (Vitis rules):
//   a+b, a-b : F = max(F1,F2), I = max(I1 + (S2&&!S1), I2 + (S1&&!S2)) + 1
//   a*b      : W = W1+W2, I = I1+I2
//   a/b      : W = S2 + W1 + max(F2,0), I = S2 + I1 + F2 (quotient truncated
//              toward zero, it keeps the dividend's fractional bits)
// Quantization and overflow are applied when a value is converted into a
// type (assignment / construction), using the destination's Q/O/N.
// Supported: Q = AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF,
// AP_RND_INF, AP_RND_CONV; O = AP_WRAP (N >= 0), AP_SAT, AP_SAT_ZERO,
// AP_SAT_SYM.  AP_WRAP_SM is treated like AP_WRAP (approximation).
// Default construction is trivial (see ap_int.h for the rationale).
// ap_fixed converts implicitly to double, so mixed expressions with
// float/double operands are evaluated in double (built-in operators);
// integer and ap_int operands take part exactly, as ap_fixed<W, W>.
// Formats with W <= 64 use single-word, mostly non-template kernels.
#ifndef HLSV_AP_FIXED_H
#define HLSV_AP_FIXED_H

#include "ap_int.h"

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0> struct ap_fixed;
template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0> struct ap_ufixed;

namespace hlsv_ap {
template <int W, int I, bool S> struct fsel { typedef ap_fixed<W, I> type; };
template <int W, int I> struct fsel<W, I, false> { typedef ap_ufixed<W, I> type; };
template <int W, int I, bool S> using fxt = typename fsel<W, I, S>::type;

// Rounding increment decision.  neg: value negative; hb: first dropped bit;
// lower: any dropped bit below hb set; lsb: lsb of the truncated result.
template <ap_q_mode Q> constexpr bool q_inc(bool neg, bool hb, bool lower, bool lsb) {
  switch (Q) {
    case AP_TRN: return false;
    case AP_TRN_ZERO: return neg && (hb || lower);
    case AP_RND: return hb;
    case AP_RND_ZERO: return hb && (lower || neg);
    case AP_RND_MIN_INF: return hb && lower;
    case AP_RND_INF: return hb && (lower || !neg);
    case AP_RND_CONV: return hb && (lower || lsb);
  }
  return false;
}

constexpr bool is_wrap(ap_o_mode O, int N) { return (O == AP_WRAP && N == 0) || O == AP_WRAP_SM; }

// ---- non-template single-word (W <= 64) conversion kernels ------------------------
inline bool q_inc_rt(ap_q_mode Q, bool neg, bool hb, bool lower, bool lsb) {
  switch (Q) {
    case AP_TRN: return false;
    case AP_TRN_ZERO: return neg && (hb || lower);
    case AP_RND: return hb;
    case AP_RND_ZERO: return hb && (lower || neg);
    case AP_RND_MIN_INF: return hb && lower;
    case AP_RND_INF: return hb && (lower || !neg);
    case AP_RND_CONV: return hb && (lower || lsb);
  }
  return false;
}
// Overflow handling of the exact integer x (destination LSB units) into a
// W-bit (W <= 64) word.  Returns the normalised raw word.
inline u64 ovf64(i128 x, int W, bool S, ap_o_mode O, int N) {
  i128 mx = S ? ((i128)1 << (W - 1)) - 1 : ((i128)1 << W) - 1;
  i128 mn = S ? -((i128)1 << (W - 1)) : 0;
  if (O == AP_SAT_SYM && S) mn = -mx;
  if (x >= mn && x <= mx) return nrm((u64)x, W, S);
  bool neg = x < 0;
  switch (O) {
    case AP_SAT:
    case AP_SAT_SYM: return nrm((u64)(neg ? mn : mx), W, S);
    case AP_SAT_ZERO: return 0;
    default: break;
  }
  if (O == AP_WRAP && N > 0) {
    u64 r = (u64)x;
    for (int i = 0; i < N && i < W; ++i) {
      int b = W - 1 - i;
      bool val = S ? (i == 0 ? neg : !neg) : !neg;
      r = val ? (r | (1ull << b)) : (r & ~(1ull << b));
    }
    return nrm(r, W, S);
  }
  return nrm((u64)x, W, S);  // AP_WRAP (and AP_WRAP_SM, approximated)
}
// Convert the exact value x * 2^-F2 into a (W, F) word: k = F - F2 extra
// fraction bits (|x| < 2^121 after a left shift by k, callers guarantee).
inline u64 cvt64(i128 x, int k, int W, bool S, ap_q_mode Q, ap_o_mode O, int N) {
  if (k >= 0) return ovf64(x << k, W, S, O, N);
  int d = -k;
  i128 q;
  bool hb, lower;
  if (d >= 127) {
    q = x < 0 ? -1 : 0;
    hb = x < 0;
    lower = x != 0;
  } else {
    q = x >> d;
    hb = ((x >> (d - 1)) & 1) != 0;
    lower = d > 1 && (x & (((i128)1 << (d - 1)) - 1)) != 0;
  }
  if (q_inc_rt(Q, x < 0, hb, lower, (q & 1) != 0)) ++q;
  return ovf64(q, W, S, O, N);
}
// double -> (W <= 62, F) word
inline u64 cvt64_double(double d, int F, int W, bool S, ap_q_mode Q, ap_o_mode O, int N) {
  if (d != d) return 0;  // NaN
  double x = d - d != 0 ? (d > 0 ? 1e300 : -1e300) : __builtin_ldexp(d, F);
  if (x > -4.6e18 && x < 4.6e18) {  // |x| < 2^62: exact double arithmetic
    double fl = __builtin_floor(x);
    double fr = x - fl;
    long long q = (long long)fl;
    bool hb = fr >= 0.5;
    bool lower = hb ? fr > 0.5 : fr > 0;
    if (q_inc_rt(Q, x < 0, hb, lower, (q & 1) != 0)) ++q;
    return ovf64((i128)q, W, S, O, N);
  }
  // |x| >= 2^62 > 2^W: certain overflow.  Keep the residue mod 2^W (x is an
  // integer here) for the wrap modes.
  double ax = x < 0 ? -x : x;
  double m = __builtin_fmod(ax, __builtin_ldexp(1.0, W));
  i128 big = ((i128)1 << (W + 8)) + (i128)(long long)m;
  return ovf64(x < 0 ? -big : big, W, S, O, N);
}

// Store x, which carries k extra fractional bits (k >= 0), into dst applying
// quantization mode Q and overflow mode O/NS.
template <int WD, bool SD, ap_q_mode Q, ap_o_mode O, int NS, int WT>
inline void fx_store(ap_int_base<WD, SD>& dst, ap_int_base<WT, true> x, long k) {
  if (k > 0) {
    if constexpr (Q == AP_TRN) {
      x = x.shr((unsigned long)k);
    } else {
      bool neg = x.isneg();
      bool hb = x.bit_ext(k - 1);
      bool lower = x.any_low(k - 1);
      ap_int_base<WT, true> q = x.shr((unsigned long)k);
      if (q_inc<Q>(neg, hb, lower, q.test(0))) ++q;
      x = q;
    }
  }
  if constexpr (is_wrap(O, NS)) {
    dst = ap_int_base<WD, SD>(x);
  } else {
    ap_int_base<WD, SD> r(x);
    if (eq(r, x)) {
      if constexpr (O == AP_SAT_SYM && SD) {
        bool ismin = r.test(WD - 1);
        for (int i = 0; i < WD - 1 && ismin; ++i) ismin = !r.test(i);
        if (ismin) ++r;
      }
      dst = r;
      return;
    }
    bool neg = x.isneg();
    ap_int_base<WD, SD> mx, mn;
    for (int i = 0; i < ap_int_base<WD, SD>::NW; ++i) {
      mx.v[i] = ~0ull;
      mn.v[i] = 0;
    }
    if constexpr (SD) {
      mx.set(WD - 1, false);
      mn.set(WD - 1, true);
    } else {
      mx.fixtop();
    }
    if constexpr (O == AP_SAT) {
      r = neg ? mn : mx;
    } else if constexpr (O == AP_SAT_ZERO) {
      r.zero();
    } else if constexpr (O == AP_SAT_SYM) {
      if (neg) {
        r = mn;
        if constexpr (SD) ++r;
      } else {
        r = mx;
      }
    } else {  // AP_WRAP with NS saturation bits
      for (int i = 0; i < NS && i < WD; ++i) {
        int b = WD - 1 - i;
        bool val;
        if constexpr (SD)
          val = (i == 0) ? neg : !neg;
        else
          val = !neg;
        r.set(b, val);
      }
    }
    dst = r;
  }
}
}  // namespace hlsv_ap

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N> struct ap_fixed_base {
  static_assert(W >= 1, "ap_fixed width must be at least 1");
  static constexpr int width = W;
  static constexpr int iwidth = I;
  static constexpr int F = W - I;  // fractional bits (may be negative)
  static constexpr ap_q_mode qmode = Q;
  static constexpr ap_o_mode omode = O;
  typedef ap_int_base<W, S> raw_type;

  ap_int_base<W, S> V;  // raw bits

  // ---- construction --------------------------------------------------------
#ifdef HLSV_AP_ZERO_INIT
  ap_fixed_base() : V(0) {}
#else
  ap_fixed_base() = default;
#endif
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
  ap_fixed_base(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& o) {
    from_raw<W2 - I2>(o.V);
  }
  template <int W2, bool S2> ap_fixed_base(const ap_int_base<W2, S2>& o) { from_raw<0>(o); }
  template <int W2, bool S2> ap_fixed_base(const ap_bit_ref<W2, S2>& o) { from_raw<0>(ap_uint<1>(o)); }
  template <int W2, bool S2> ap_fixed_base(const ap_range_ref<W2, S2>& o) { from_raw<0>(o.get()); }
  template <class L, class R> ap_fixed_base(const ap_concat_ref<L, R>& o) { from_raw<0>(o.get()); }
  template <class T, typename std::enable_if<std::is_integral<T>::value || std::is_enum<T>::value, int>::type = 0>
  ap_fixed_base(T x) {
    auto y = hlsv_ap::as_int(x);
    typedef hlsv_ap::opnd<decltype(y)> P;
    if constexpr (W <= 64 && F <= 56)
      from_i128(hlsv_ap::v128(P::w0(y), P::W, P::S), F);
    else
      from_raw<0>(P::get(y));
  }
  ap_fixed_base(double d) { from_double(d); }
  ap_fixed_base(const char* s) { from_double(std::strtod(s, nullptr)); }
  ap_fixed_base(const char* s, signed char radix) {
    if (radix == 10)
      from_double(std::strtod(s, nullptr));
    else
      from_raw<0>(ap_int_base<W + 64, true>(s, radix));
  }

  // Build directly from raw bits.
  static ap_fixed_base from_bits(const ap_int_base<W, S>& raw) {
    ap_fixed_base r;
    r.V = raw;
    return r;
  }

  // Convert a raw integer with F2 fractional bits into this format.
  // single-word fast path: src value x (exact), k = F - F2
  void from_i128(hlsv_ap::i128 x, int k) {
    if constexpr (Q == AP_TRN && hlsv_ap::is_wrap(O, N)) {
      hlsv_ap::u64 r;
      if (k >= 0)
        r = k >= 64 ? 0 : (hlsv_ap::u64)x << k;
      else
        r = -k >= 127 ? (x < 0 ? ~0ull : 0) : (hlsv_ap::u64)(x >> -k);
      V.v[0] = hlsv_ap::nrm(r, W, S);
    } else {
      V.v[0] = hlsv_ap::cvt64(x, k, W, S, Q, O, N);
    }
  }
  template <int F2, int W2, bool S2> void from_raw(const ap_int_base<W2, S2>& src) {
    if constexpr (W <= 64 && W2 <= 64 && F - F2 <= 56) {
      from_i128(hlsv_ap::v128(src.v[0], W2, S2), F - F2);
    } else if constexpr (F >= F2) {
      if constexpr (hlsv_ap::is_wrap(O, N)) {
        V = ap_int_base<W, S>(src).shl((unsigned long)(F - F2));
      } else {
        constexpr int WT = hlsv_ap::max_(W2 + (F - F2), W) + 2;
        ap_int_base<WT, true> x(src);
        hlsv_ap::fx_store<W, S, Q, O, N>(V, ap_int_base<WT, true>(x.shl((unsigned long)(F - F2))), 0);
      }
    } else {
      if constexpr (Q == AP_TRN && hlsv_ap::is_wrap(O, N)) {
        V = ap_int_base<W, S>(src.shr((unsigned long)(F2 - F)));
      } else {
        constexpr int WT = hlsv_ap::max_(W2, W) + 2;
        hlsv_ap::fx_store<W, S, Q, O, N>(V, ap_int_base<WT, true>(src), (long)(F2 - F));
      }
    }
  }

  void from_double(double d) {
    if constexpr (W <= 62)
      V.v[0] = hlsv_ap::cvt64_double(d, F, W, S, Q, O, N);
    else
      from_double_wide(d);
  }
  void from_double_wide(double d) {
    if (d != d) {  // NaN
      V.zero();
      return;
    }
    if (d - d != 0) {  // +-inf: behave like a huge value
      ap_int_base<W + 3, true> big(0);
      big.set(W + 1, true);
      if (d < 0) big.negate_inplace();
      hlsv_ap::fx_store<W, S, Q, O, N>(V, big, 0);
      return;
    }
    int e = 0;
    double m = __builtin_frexp(d, &e);
    long long mi = (long long)__builtin_ldexp(m, 53);
    long s = (long)e - 53 + F;
    typedef ap_int_base<W + 60, true> T;
    if (s >= 0) {
      if (s > W + 2) {
        T big(mi < 0 ? -1 : 1);
        hlsv_ap::fx_store<W, S, Q, O, N>(V, T(big.shl((unsigned long)(W + 2))), 0);
      } else {
        hlsv_ap::fx_store<W, S, Q, O, N>(V, T(T(mi).shl((unsigned long)s)), 0);
      }
    } else {
      hlsv_ap::fx_store<W, S, Q, O, N>(V, T(mi), -s);
    }
  }

  // ---- conversion out ------------------------------------------------------
  double to_double() const { return __builtin_ldexp(V.to_double(), -F); }
  float to_float() const { return (float)to_double(); }
  long double to_ldouble() const { return (long double)to_double(); }
  operator double() const { return to_double(); }
  // integer part, truncated toward zero (like a C cast); with no integer
  // bits (I <= 0) a negative value gives -1, as the vendor's one-bit result does
  ap_int_base<(I > 1 ? I : 1), S> to_ap_int_base(bool = false) const {
    constexpr int WI = I > 1 ? I : 1;
    if constexpr (I <= 0) {
      return ap_int_base<WI, S>(S && V.isneg() ? -1 : 0);
    } else if constexpr (F <= 0) {
      return ap_int_base<WI, S>(ap_int_base<WI, S>(V).shl((unsigned long)(-F)));
    } else {
      ap_int_base<W, S> q(V.shr((unsigned long)F));
      if (V.isneg() && V.any_low(F)) ++q;
      return ap_int_base<WI, S>(q);
    }
  }
  int to_int() const { return to_ap_int_base().to_int(); }
  unsigned to_uint() const { return to_ap_int_base().to_uint(); }
  long to_long() const { return to_ap_int_base().to_long(); }
  unsigned long to_ulong() const { return to_ap_int_base().to_ulong(); }
  long long to_int64() const { return to_ap_int_base().to_int64(); }
  unsigned long long to_uint64() const { return to_ap_int_base().to_uint64(); }
  bool to_bool() const { return !V.iszero(); }
  int length() const { return W; }
  bool is_neg() const { return V.isneg(); }
  bool getNeg() const { return V.isneg(); }

  // Decimal text (exact for W <= 64 and |F| <= 60, via double otherwise).
  int to_chars10(char* buf, int cap) const {
    if constexpr (W <= 64 && F <= 60 && F >= -60) {
      bool neg = V.isneg();
      hlsv_ap::u128 mag = neg ? (hlsv_ap::u128)(-(hlsv_ap::i128)(hlsv_ap::i64)V.w(0))
                              : (hlsv_ap::u128)(S ? (hlsv_ap::u128)(hlsv_ap::i64)V.w(0) : V.w(0));
      hlsv_ap::u128 ip, fp = 0;
      if constexpr (F <= 0) {
        ip = mag << (-F);
      } else {
        ip = mag >> F;
        fp = mag & (((hlsv_ap::u128)1 << F) - 1);
      }
      char tmp[48];
      int n = 0;
      do {
        tmp[n++] = (char)('0' + (int)(ip % 10));
        ip /= 10;
      } while (ip);
      int len = 0;
      if (neg) buf[len++] = '-';
      while (n) buf[len++] = tmp[--n];
      if constexpr (F > 0) {
        if (fp) {
          buf[len++] = '.';
          while (fp && len < cap - 1) {
            fp *= 10;
            buf[len++] = (char)('0' + (int)(fp >> F));
            fp &= (((hlsv_ap::u128)1 << F) - 1);
          }
        }
      }
      buf[len] = 0;
      return len;
    } else {
      // exact for any width: integer digits, then fraction digits by repeated * 10
      constexpr int XW = W + 1 + (F < 0 ? -F : 0);
      bool neg = S && V.isneg();
      ap_int_base<XW, false> m = neg ? ap_int_base<XW, false>(-ap_int_base<W + 1, true>(V))
                                     : ap_int_base<XW, false>(ap_int_base<W + 1, false>(V));
      ap_int_base<XW, false> ip = m;
      if constexpr (F > 0) ip = m.shr((unsigned long)F);
      if constexpr (F < 0) ip = m.shl((unsigned long)(-F));
      int len = 0;
      if (neg) buf[len++] = '-';
      len += ip.to_chars(buf + len, 10, false, false);
      if constexpr (F > 0) {
        ap_int_base<F + 4, false> mask = ap_int_base<F + 4, false>(~ap_int_base<F + 4, false>(0)).shr(4UL);
        ap_int_base<F + 4, false> fr = ap_int_base<F + 4, false>(m) & mask;
        if (!fr.iszero()) buf[len++] = '.';
        while (!fr.iszero() && len < cap - 1) {
          fr = ap_int_base<F + 4, false>(fr * ap_int_base<4, false>(10));
          buf[len++] = (char)('0' + fr.shr((unsigned long)F).to_int());
          fr = fr & mask;
        }
      }
      buf[len] = 0;
      return len;
    }
  }
  // As the vendor's: radix 2 (the default) shows the raw bits without sign;
  // other radixes show sign, integer part (as ap_uint<I+1>::to_string), then
  // '.' and the fraction bits in groups (a short last group is shifted up),
  // and hex ends with "p0"; decimal is exact.
  template <class Str = std::string> Str to_string(int radix = 2, bool sign = S) const {
    if (radix == 10) {
      char buf[W + 170];
      to_chars10(buf, (int)sizeof(buf));
      return Str(buf);
    }
    if (radix != 8 && radix != 16) radix = 2;
    if (radix == 2) sign = false;
    constexpr int IP = I + 1 > 1 ? I + 1 : 1, FP = W - I > 1 ? W - I : 1;
    ap_int_base<W + 1, S> t(V);  // one more bit: |most negative| fits
    bool neg = sign && t.isneg();
    if (neg) t = ap_int_base<W + 1, S>(-t);
    Str out = neg ? Str("-") : Str();
    if constexpr (I > 0) {
      ap_int_base<IP, false> ip;
      if constexpr (W >= I)
        ip = ap_int_base<IP, false>(ap_int_base<W + 1, false>(t).shr((unsigned long)(W - I)));
      else
        ip = ap_int_base<IP, false>(ap_int_base<W + 1, false>(t)).shl((unsigned long)(I - W));
      out += ip.template to_string<Str>(radix, false);
    } else {
      out += radix == 2 ? "0b0" : radix == 8 ? "0o0" : "0x0";
    }
    ap_int_base<FP, false> fr;
    if constexpr (W - I >= 1) {
      fr = ap_int_base<FP, false>(t);
    } else {
      fr = ap_int_base<FP, false>(0);
    }
    if (!fr.iszero() && W - I >= 1) {
      int step = radix == 16 ? 4 : radix == 8 ? 3 : 1;
      out += '.';
      for (int i = W - I - 1; i >= 0; i -= step) {
        int lo = i - step + 1 > 0 ? i - step + 1 : 0, dig = 0;
        for (int b = i; b >= lo; --b) dig = (dig << 1) | (fr.test(b) ? 1 : 0);
        if (i - step + 1 < 0) dig <<= -(i - step + 1);
        out += (char)(dig < 10 ? '0' + dig : 'a' + dig - 10);
      }
      if (radix == 16) out += "p0";
    }
    return out;
  }

  // ---- bits ------------------------------------------------------------------
  ap_bit_ref<W, S> operator[](int i) { return V[i]; }
  ap_bit_ref<W, S> operator[](int i) const { return V[i]; }
  ap_bit_ref<W, S> bit(int i) { return V[i]; }
  ap_bit_ref<W, S> bit(int i) const { return V[i]; }
  ap_range_ref<W, S> range(int hi, int lo) { return V.range(hi, lo); }
  ap_range_ref<W, S> range(int hi, int lo) const { return V.range(hi, lo); }
  ap_range_ref<W, S> range() { return V.range(); }
  ap_range_ref<W, S> range() const { return V.range(); }
  ap_range_ref<W, S> operator()(int hi, int lo) { return V.range(hi, lo); }
  ap_range_ref<W, S> operator()(int hi, int lo) const { return V.range(hi, lo); }
  bool and_reduce() const { return V.and_reduce(); }
  bool or_reduce() const { return V.or_reduce(); }
  bool xor_reduce() const { return V.xor_reduce(); }

  // ---- unary / in-place ---------------------------------------------------------
  hlsv_ap::fxt<W + 1, I + 1, true> operator-() const {
    hlsv_ap::fxt<W + 1, I + 1, true> r;
    r.V = ap_int_base<W + 1, true>(V);
    r.V.negate_inplace();
    return r;
  }
  ap_fixed_base operator+() const { return *this; }
  ap_fixed_base operator~() const { return from_bits(ap_int_base<W, S>(~V)); }
  bool operator!() const { return V.iszero(); }
  ap_fixed_base shl(unsigned long n) const { return from_bits(ap_int_base<W, S>(V.shl(n))); }
  ap_fixed_base shl_s(long long n) const { return n >= 0 ? shl((unsigned long)n) : shr((unsigned long)-n); }
  ap_fixed_base shr_s(long long n) const { return n >= 0 ? shr((unsigned long)n) : shl((unsigned long)-n); }
  ap_fixed_base shr(unsigned long n) const { return from_bits(ap_int_base<W, S>(V.shr(n))); }
  template <class T, typename std::enable_if<std::is_integral<T>::value, int>::type = 0>
  ap_fixed_base operator<<(T n) const {
    if constexpr (std::is_signed<T>::value)
      if (n < 0) return shr((unsigned long)(-(long long)n));
    return shl((unsigned long)n);
  }
  template <class T, typename std::enable_if<std::is_integral<T>::value, int>::type = 0>
  ap_fixed_base operator>>(T n) const {
    if constexpr (std::is_signed<T>::value)
      if (n < 0) return shl((unsigned long)(-(long long)n));
    return shr((unsigned long)n);
  }
  template <int W2, bool S2> ap_fixed_base operator<<(const ap_int_base<W2, S2>& n) const {
    return shl_s(hlsv_ap::shift_amount(n));
  }
  template <int W2, bool S2> ap_fixed_base operator>>(const ap_int_base<W2, S2>& n) const {
    return shr_s(hlsv_ap::shift_amount(n));
  }
  template <class T> ap_fixed_base& operator<<=(const T& n) { return *this = *this << n; }
  template <class T> ap_fixed_base& operator>>=(const T& n) { return *this = *this >> n; }

  template <class T> ap_fixed_base& operator+=(const T& x) { return *this = ap_fixed_base(*this + x); }
  template <class T> ap_fixed_base& operator-=(const T& x) { return *this = ap_fixed_base(*this - x); }
  template <class T> ap_fixed_base& operator*=(const T& x) { return *this = ap_fixed_base(*this * x); }
  template <class T> ap_fixed_base& operator/=(const T& x) { return *this = ap_fixed_base(*this / x); }
  ap_fixed_base& operator++() { return *this += 1; }
  ap_fixed_base& operator--() { return *this -= 1; }
  ap_fixed_base operator++(int) {
    ap_fixed_base t(*this);
    *this += 1;
    return t;
  }
  ap_fixed_base operator--(int) {
    ap_fixed_base t(*this);
    *this -= 1;
    return t;
  }
};

template <int W, int I, ap_q_mode Q, ap_o_mode O, int N> struct ap_fixed : ap_fixed_base<W, I, true, Q, O, N> {
  typedef ap_fixed_base<W, I, true, Q, O, N> Base;
  ap_fixed() = default;
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
  ap_fixed(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& o) : Base(o) {}
  template <int W2, bool S2> ap_fixed(const ap_int_base<W2, S2>& o) : Base(o) {}
  template <int W2, bool S2> ap_fixed(const ap_bit_ref<W2, S2>& o) : Base(o) {}
  template <int W2, bool S2> ap_fixed(const ap_range_ref<W2, S2>& o) : Base(o) {}
  template <class L, class R> ap_fixed(const ap_concat_ref<L, R>& o) : Base(o) {}
  template <class T, typename std::enable_if<std::is_integral<T>::value || std::is_enum<T>::value, int>::type = 0>
  ap_fixed(T x) : Base(x) {}
  ap_fixed(double d) : Base(d) {}
  ap_fixed(const char* s) : Base(s) {}
  ap_fixed(const char* s, signed char r) : Base(s, r) {}
};

template <int W, int I, ap_q_mode Q, ap_o_mode O, int N> struct ap_ufixed : ap_fixed_base<W, I, false, Q, O, N> {
  typedef ap_fixed_base<W, I, false, Q, O, N> Base;
  ap_ufixed() = default;
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
  ap_ufixed(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& o) : Base(o) {}
  template <int W2, bool S2> ap_ufixed(const ap_int_base<W2, S2>& o) : Base(o) {}
  template <int W2, bool S2> ap_ufixed(const ap_bit_ref<W2, S2>& o) : Base(o) {}
  template <int W2, bool S2> ap_ufixed(const ap_range_ref<W2, S2>& o) : Base(o) {}
  template <class L, class R> ap_ufixed(const ap_concat_ref<L, R>& o) : Base(o) {}
  template <class T, typename std::enable_if<std::is_integral<T>::value || std::is_enum<T>::value, int>::type = 0>
  ap_ufixed(T x) : Base(x) {}
  ap_ufixed(double d) : Base(d) {}
  ap_ufixed(const char* s) : Base(s) {}
  ap_ufixed(const char* s, signed char r) : Base(s, r) {}
};

// ---- operand classification for fixed-point operators ------------------------
namespace hlsv_ap {
template <class T, class = void> struct fop {
  static constexpr bool ok = false;
  static constexpr bool isfx = false;
};
template <int W_, int I_, bool S_, ap_q_mode Q_, ap_o_mode O_, int N_> struct fop_fx {
  static constexpr bool ok = true, isfx = true;
  static constexpr int W = W_, I = I_;
  static constexpr bool S = S_;
  static const ap_fixed_base<W_, I_, S_, Q_, O_, N_>& get(const ap_fixed_base<W_, I_, S_, Q_, O_, N_>& x) { return x; }
  static u64 w0(const ap_fixed_base<W_, I_, S_, Q_, O_, N_>& x) { return x.V.v[0]; }
};
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
struct fop<ap_fixed_base<W, I, S, Q, O, N>> : fop_fx<W, I, S, Q, O, N> {};
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N> struct fop<ap_fixed<W, I, Q, O, N>> : fop_fx<W, I, true, Q, O, N> {};
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
struct fop<ap_ufixed<W, I, Q, O, N>> : fop_fx<W, I, false, Q, O, N> {};
// integer-like operands take part as ap_fixed<W, W>
template <class T> struct fop<T, typename std::enable_if<opnd<T>::ok>::type> {
  static constexpr bool ok = true, isfx = false;
  static constexpr int W = opnd<T>::W, I = opnd<T>::W;
  static constexpr bool S = opnd<T>::S;
  static ap_fixed_base<W, W, S, AP_TRN, AP_WRAP, 0> get(const T& x) {
    return ap_fixed_base<W, W, S, AP_TRN, AP_WRAP, 0>::from_bits(ap_int_base<W, S>(opnd<T>::get(x)));
  }
  static u64 w0(const T& x) { return opnd<T>::w0(x); }
};
template <class A, class B> constexpr bool fbinok = fop<A>::ok && fop<B>::ok && (fop<A>::isfx || fop<B>::isfx);

template <int W1, int I1, bool S1, int W2, int I2, bool S2> struct frt {
  static constexpr int F1 = W1 - I1, F2 = W2 - I2;
  static constexpr int F = max_(F1, F2);
  static constexpr int plus_i = max_(I1 + (S2 && !S1), I2 + (S1 && !S2)) + 1;
  static constexpr int plus_w = plus_i + F;
  static constexpr bool plus_s = S1 || S2;
  static constexpr int mult_w = W1 + W2, mult_i = I1 + I2;
  static constexpr bool mult_s = S1 || S2;
  static constexpr int div_w = S2 + W1 + max_(F2, 0), div_i = S2 + I1 + F2;
  static constexpr bool div_s = S1 || S2;
};

template <int WR, int FR, bool SR, int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1>
inline ap_int_base<WR, SR> fx_align(const ap_fixed_base<W1, I1, S1, Q1, O1, N1>& a) {
  return ap_int_base<WR, SR>(ap_int_base<WR, SR>(a.V).shl((unsigned long)(FR - (W1 - I1))));
}

template <class A, class B> struct fpair {
  typedef fop<A> PA;
  typedef fop<B> PB;
  typedef frt<PA::W, PA::I, PA::S, PB::W, PB::I, PB::S> R;
};
}  // namespace hlsv_ap

// Single-word results are computed inline on aligned 64-bit words.
#define HLSV_FX_ALIGNED(P, R, X) (hlsv_ap::nrm(P::w0(X), P::W, P::S) << (R::F - (P::W - P::I)))
template <class A, class B, typename std::enable_if<hlsv_ap::fbinok<A, B>, int>::type = 0>
inline auto operator+(const A& a, const B& b) {
  typedef typename hlsv_ap::fpair<A, B>::R R;
  typedef hlsv_ap::fop<A> PA;
  typedef hlsv_ap::fop<B> PB;
  hlsv_ap::fxt<R::plus_w, R::plus_i, R::plus_s> r;
  if constexpr (R::plus_w <= 64) {
    r.V.v[0] = hlsv_ap::nrm(HLSV_FX_ALIGNED(PA, R, a) + HLSV_FX_ALIGNED(PB, R, b), R::plus_w, R::plus_s);
    return r;
  } else {
    r.V = hlsv_ap::add<R::plus_w, R::plus_s>(hlsv_ap::fx_align<R::plus_w, R::F, R::plus_s>(hlsv_ap::fop<A>::get(a)),
                                             hlsv_ap::fx_align<R::plus_w, R::F, R::plus_s>(hlsv_ap::fop<B>::get(b)));
    return r;
  }
}
template <class A, class B, typename std::enable_if<hlsv_ap::fbinok<A, B>, int>::type = 0>
inline auto operator-(const A& a, const B& b) {
  typedef typename hlsv_ap::fpair<A, B>::R R;
  typedef hlsv_ap::fop<A> PA;
  typedef hlsv_ap::fop<B> PB;
  hlsv_ap::fxt<R::plus_w, R::plus_i, true> r;
  if constexpr (R::plus_w <= 64) {
    r.V.v[0] = hlsv_ap::nrm(HLSV_FX_ALIGNED(PA, R, a) - HLSV_FX_ALIGNED(PB, R, b), R::plus_w, true);
    return r;
  } else {
    r.V = hlsv_ap::sub<R::plus_w, true>(hlsv_ap::fx_align<R::plus_w, R::F, true>(hlsv_ap::fop<A>::get(a)),
                                        hlsv_ap::fx_align<R::plus_w, R::F, true>(hlsv_ap::fop<B>::get(b)));
    return r;
  }
}
template <class A, class B, typename std::enable_if<hlsv_ap::fbinok<A, B>, int>::type = 0>
inline auto operator*(const A& a, const B& b) {
  typedef typename hlsv_ap::fpair<A, B>::R R;
  typedef hlsv_ap::fop<A> PA;
  typedef hlsv_ap::fop<B> PB;
  hlsv_ap::fxt<R::mult_w, R::mult_i, R::mult_s> r;
  if constexpr (R::mult_w <= 64) {
    r.V.v[0] = hlsv_ap::nrm(hlsv_ap::nrm(PA::w0(a), PA::W, PA::S) * hlsv_ap::nrm(PB::w0(b), PB::W, PB::S), R::mult_w,
                            R::mult_s);
    return r;
  } else {
    r.V = hlsv_ap::mul<R::mult_w, R::mult_s>(hlsv_ap::fop<A>::get(a).V, hlsv_ap::fop<B>::get(b).V);
    return r;
  }
}
template <class A, class B, typename std::enable_if<hlsv_ap::fbinok<A, B>, int>::type = 0>
inline auto operator/(const A& a, const B& b) {
  typedef typename hlsv_ap::fpair<A, B>::R R;
  typedef hlsv_ap::fop<A> PA;
  typedef hlsv_ap::fop<B> PB;
  constexpr int sh = hlsv_ap::max_(R::F2, 0);
  constexpr int WN = PA::W + sh;
  if constexpr (WN < 64 && PB::W < 64) {
    hlsv_ap::i64 x = (hlsv_ap::i64)(hlsv_ap::nrm(PA::w0(a), PA::W, PA::S) << sh);
    hlsv_ap::i64 y = (hlsv_ap::i64)hlsv_ap::nrm(PB::w0(b), PB::W, PB::S);
    hlsv_ap::fxt<R::div_w, R::div_i, R::div_s> q;
    q.V.v[0] = hlsv_ap::nrm((hlsv_ap::u64)hlsv_ap::sdiv_checked(x, y, false), R::div_w, R::div_s);
    return q;
  } else {
    ap_int_base<WN, PA::S> num(ap_int_base<WN, PA::S>(hlsv_ap::fop<A>::get(a).V).shl((unsigned long)sh));
    hlsv_ap::fxt<R::div_w, R::div_i, R::div_s> r;
    r.V = hlsv_ap::div<R::div_w, R::div_s>(num, hlsv_ap::fop<B>::get(b).V);
    return r;
  }
}

namespace hlsv_ap {
template <class A, class B> inline int fcmp(const A& a, const B& b) {
  typedef typename fpair<A, B>::R R;
  if constexpr (R::plus_w <= 64) {
    typedef fop<A> PA;
    typedef fop<B> PB;
    i128 x = v128(HLSV_FX_ALIGNED(PA, R, a), R::plus_w, R::plus_s);
    i128 y = v128(HLSV_FX_ALIGNED(PB, R, b), R::plus_w, R::plus_s);
    return (x > y) - (x < y);
  } else {
    return cmp(fx_align<R::plus_w, R::F, true>(fop<A>::get(a)), fx_align<R::plus_w, R::F, true>(fop<B>::get(b)));
  }
}
}  // namespace hlsv_ap
#define HLSV_FX_CMPOP(OP)                                                                       \
  template <class A, class B, typename std::enable_if<hlsv_ap::fbinok<A, B>, int>::type = 0>    \
  inline bool operator OP(const A& a, const B& b) {                                             \
    return hlsv_ap::fcmp(a, b) OP 0;                                                            \
  }
HLSV_FX_CMPOP(==)
HLSV_FX_CMPOP(!=)
HLSV_FX_CMPOP(<)
HLSV_FX_CMPOP(<=)
HLSV_FX_CMPOP(>)
HLSV_FX_CMPOP(>=)
#undef HLSV_FX_CMPOP

namespace hlsv_ap {
inline bool is_nz_digit(char c) { return c >= '1' && c <= '9'; }

// Scientific form of a plain decimal digit string s (no sign): first
// significant digit, '.', the other significant digits, then e+NN / e-NN.
inline std::string sci_text(const std::string& s) {
  size_t dot = s.find('.');
  if (dot == std::string::npos) dot = s.size();
  size_t first = 0;
  while (first < s.size() && !is_nz_digit(s[first])) ++first;
  size_t last = s.size() - 1;
  while (last > first && !is_nz_digit(s[last])) --last;
  long e = first > dot ? (long)dot - (long)first : (long)dot - (long)first - 1;
  std::string out(1, s[first]);
  if (last != first) {
    out += '.';
    for (size_t i = first + 1; i <= last; ++i)
      if (s[i] != '.') out += s[i];
  }
  if (e != 0) {
    out += e < 0 ? "e-" : "e+";
    unsigned long m = (unsigned long)(e < 0 ? -e : e);
    if (m < 10) out += '0';
    out += std::to_string(m);
  }
  return out;
}

// How the vendor's ostream << ap_fixed shows a value: its exact decimal text
// cut to `prec` significant digits (halves round away from zero on the
// decimal digits), with %g-like switches to scientific form.  The format
// flags (std::fixed, std::scientific) are ignored, as there.  Where the
// integer part alone is longer than `prec`, the rounding digit is the one
// after the first dropped digit, again as the vendor's code does.
inline std::string fixed_text(const char* exact, int prec) {
  bool neg = exact[0] == '-';
  std::string a(exact + (neg ? 1 : 0));
  std::string sign(neg ? "-" : "");
  bool zero = true;
  for (char c : a)
    if (c != '.' && c != '0') zero = false;
  if (zero) return "0";
  size_t dot = a.find('.');
  if (dot == std::string::npos) dot = a.size();
  size_t first = 0, last = a.size() - 1;
  while (!is_nz_digit(a[first])) ++first;
  while (!is_nz_digit(a[last])) --last;
  size_t p = prec < 0 ? 0 : (size_t)prec, cut;
  if (dot > last) {  // integer
    if (last - first + 1 <= p) return sign + a;
    cut = first + p;
  } else if (dot < first) {  // below one
    if (last - first + 1 <= p) return sign + (first - dot - 1 < 4 ? a : sci_text(a));
    cut = first + p;
  } else {  // integer and fraction digits
    if (last - first <= p) return sign + a;
    cut = first + p + 1;
  }
  std::string d = "0" + a;  // room for a carry out of the top digit
  ++cut;
  bool carry = cut < d.size() && d[cut] > '4';
  for (size_t i = cut; carry && i-- > 0;) {
    if (d[i] == '.') continue;
    if (d[i] == '9') {
      d[i] = '0';
    } else {
      ++d[i];
      carry = false;
    }
  }
  size_t start = 0;
  if (d[0] != '1')
    while (!is_nz_digit(d[start])) ++start;
  size_t kept = 0;
  for (size_t i = start; i < d.size(); ++i) {
    if (d[i] == '.') continue;
    if (++kept > p) d[i] = '0';
  }
  size_t end = d.size();
  if (d.find('.') != std::string::npos) {
    for (size_t i = d.size(); i-- > 0;) {
      if (d[i] == '.') {
        end = i;
        break;
      }
      if (d[i] != '0') {
        end = i + 1;
        break;
      }
    }
  }
  d = d[0] == '1' ? d.substr(0, end) : d.substr(1, end - 1);
  size_t dd = d.find('.');
  if (dd != std::string::npos) {
    size_t z = dd + 1;
    while (z < d.size() && d[z] == '0') ++z;
    return sign + (z - dd - 1 < 4 ? d : sci_text(d));
  }
  return sign + (d.size() <= p ? d : sci_text(d));
}
}  // namespace hlsv_ap

// Vendor-compatible text (see hlsv_ap::fixed_text), including its padding:
// with a width wider than the text, the first fill character is itself
// printed at that width, then one more per missing column.
template <class C, class T, int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
std::basic_ostream<C, T>& operator<<(std::basic_ostream<C, T>& os, const ap_fixed_base<W, I, S, Q, O, N>& x) {
  char buf[W + 170];
  x.to_chars10(buf, (int)sizeof(buf));
  std::string str = hlsv_ap::fixed_text(buf, (int)os.precision());
  unsigned width = (unsigned)os.width();
  C fill = os.fill();
  for (unsigned i = (unsigned)str.size(); i < width; ++i) os << fill;
  return os << str.c_str();
}
template <class C, class T, int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
std::basic_istream<C, T>& operator>>(std::basic_istream<C, T>& is, ap_fixed_base<W, I, S, Q, O, N>& x) {
  double d = 0;
  is >> d;
  x = ap_fixed_base<W, I, S, Q, O, N>(d);
  return is;
}

#endif  // HLSV_AP_FIXED_H
