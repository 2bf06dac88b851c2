// hlsv -- ap_int.h : arbitrary-precision integers for C simulation of HLS C++.
//
// Written for hlsv from the documented semantics of Vitis-HLS style
// ap_int<W> / ap_uint<W> (no vendor code).  Supports any W >= 1; the
// storage is an array of 64-bit words with a single-word fast path for
// W <= 64 (selected with `if constexpr`).
//
// Storage invariant: bits of v[] at positions >= W (inside the top word) are
// "don't care".  Every reader goes through w()/wx()/uw(), which re-normalise
// the top word (sign-extend for signed, mask for unsigned).  Writers normally
// store normalised values, but they do not have to.
//
// Default construction / uninitialised values (design decision):
//   The default constructor is TRIVIAL (= default) and leaves the storage
//   uninitialised.  This gives exactly Vitis-like semantics for objects with
//   static storage duration (globals, function statics, hls_thread_local):
//   they are zero-initialised by the language before any constructor runs,
//   and a trivial constructor does not overwrite that.  For automatic
//   variables hlsv builds with -ftrivial-auto-var-init=pattern, so the
//   compiler fills uninitialised locals (including ap_int objects, because
//   their constructor is trivial) with its recognisable, deterministic
//   pattern.  A user-provided constructor writing 0xAA.. would be wrong for
//   statics (there is no sound way for a constructor to know whether its
//   object is static), so we do not do that.  The type stays trivially
//   copyable.  Define HLSV_AP_ZERO_INIT to make default construction zero the
//   value instead.
//
// Result widths follow the Vitis rules, e.g. a+b -> max(W1,W2)+1 bits
// (one more when mixing signed/unsigned), a*b -> W1+W2 bits, a/b -> W1+S2
// bits, a%b -> min(W1, W2 + (S1 && !S2)) bits.  Built-in integers take part
// as ap types of their own width/signedness.  Shifts keep the type of the
// left operand.  Assignment wraps (two's complement) to the destination.
//
// Other notes: operators/constructors for W-bit results <= 64 are computed
// inline on normalised 64-bit words (fast to compile and run); wider values
// use multi-word kernels.  Integer construction, conversion and the
// +,-,*,&,|,^, comparisons are constexpr.  Division by zero and out-of-range
// bit/range indices abort with an "hlsv:" message.  Concatenation works on
// ap values, bit/range references and nested concatenations (not on
// built-in ints); a range reference takes part with its source width, as in
// Vitis.  sizeof(ap_int<W>) is 8 * ceil(W/64).
//
// Includes: like the vendor's header, ap_int.h brings <iostream>, <iomanip>,
// <sstream>, <string>, <limits>, <cmath>, <cstring>, <cassert>, <cstdio> and
// <cstdlib>: real testbenches call std::cout, std::setw, sqrt or memcpy with
// no include of their own.  That is most of the parse cost of a unit; hlsv's
// C simulation pays it once per machine through a precompiled header.
#ifndef HLSV_AP_INT_H
#define HLSV_AP_INT_H

#include <cassert>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <limits>
#include <sstream>
#include <string>
#include <type_traits>

#ifndef AP_INT_MAX_W
#define AP_INT_MAX_W 1024
#endif

#ifndef HLSV_AP_ENUMS_DEFINED
#define HLSV_AP_ENUMS_DEFINED
enum ap_q_mode { AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV, AP_TRN, AP_TRN_ZERO };
enum ap_o_mode { AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP, AP_WRAP_SM };
#endif

template <int W, bool S> struct ap_int_base;
template <int W> struct ap_int;
template <int W> struct ap_uint;
template <int W, bool S> struct ap_bit_ref;
template <int W, bool S> struct ap_range_ref;
template <class L, class R> struct ap_concat_ref;
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N> struct ap_fixed_base;

namespace hlsv_ap {
typedef uint64_t u64;
typedef int64_t i64;
__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

constexpr int max_(int a, int b) { return a > b ? a : b; }
constexpr int min_(int a, int b) { return a < b ? a : b; }

template <int W, bool S> struct sel { typedef ap_int<W> type; };
template <int W> struct sel<W, false> { typedef ap_uint<W> type; };
// The user-facing type (ap_int<W> or ap_uint<W>) for a width/signedness.
template <int W, bool S> using apt = typename sel<W, S>::type;

[[noreturn]] inline void fatal(const char* msg) {
  std::fputs("hlsv: ", stderr);
  std::fputs(msg, stderr);
  std::fputc('\n', stderr);
  std::fflush(nullptr);  // keep already-printed stdout
  std::abort();
}

// Result types of binary operators (Vitis rules).
template <int W1, bool S1, int W2, bool S2> struct rt {
  static constexpr int lw = max_(W1 + (S2 && !S1), W2 + (S1 && !S2));
  static constexpr int plus_w = lw + 1;
  static constexpr bool plus_s = S1 || S2;
  static constexpr int minus_w = lw + 1;
  static constexpr bool minus_s = true;
  static constexpr int mult_w = W1 + W2;
  static constexpr bool mult_s = S1 || S2;
  static constexpr int div_w = W1 + S2;
  static constexpr bool div_s = S1 || S2;
  static constexpr int mod_w = min_(W1, W2 + (S1 && !S2));
  static constexpr bool mod_s = S1;
  static constexpr int logic_w = lw;
  static constexpr bool logic_s = S1 || S2;
};

template <class T> constexpr auto as_int(T x) {
  if constexpr (std::is_enum<T>::value)
    return static_cast<typename std::underlying_type<T>::type>(x);
  else
    return x;
}

// ---- non-template word helpers (compiled once per TU, shared by all widths) --
constexpr int nwords(int w) { return (w + 63) / 64; }
// Normalise the low w bits (1 <= w, only the low min(w,64) bits matter) of x:
// sign-extend (s) or zero-extend them to 64 bits.
constexpr u64 nrm(u64 x, int w, bool s) {
  return w >= 64 ? x : s ? (u64)((i64)(x << (64 - w)) >> (64 - w)) : (x & (~0ull >> (64 - w)));
}
// Exact value of a single-word quantity of width w <= 64.
constexpr i128 v128(u64 raw, int w, bool s) { return s ? (i128)(i64)nrm(raw, w, s) : (i128)nrm(raw, w, s); }
// Word i of the infinitely sign/zero-extended value held in src[0..n) (width w).
constexpr u64 srcw(const u64* src, int n, int w, bool s, int i) {
  if ((unsigned)i < (unsigned)(n - 1)) return src[i];
  u64 top = nrm(src[n - 1], w - 64 * (n - 1), s);
  if (i == n - 1) return top;
  return s ? (u64)((i64)top >> 63) : 0;
}
struct cvt_tag {};
struct int_tag {};
// low word / sign of a built-in integer (or unscoped enum) value
template <class T> constexpr u64 int_w0(T x) {
  auto y = as_int(x);
  if constexpr (std::is_signed<decltype(y)>::value)
    return (u64)(i64)y;
  else
    return (u64)y;
}
template <class T> constexpr bool int_neg(T x) {
  auto y = as_int(x);
  if constexpr (std::is_signed<decltype(y)>::value)
    return y < 0;
  else
    return false;
}

// Two's-complement negate of an n-word little-endian array.
inline void negw(u64* x, int n) {
  u64 c = 1;
  for (int i = 0; i < n; ++i) {
    u64 t = ~x[i] + c;
    c = (c && t == 0) ? 1 : 0;
    x[i] = t;
  }
}

// Unsigned n-word division: q = x / y, r = x % y.  y must be non-zero.
inline void udivmod(const u64* x, const u64* y, u64* q, u64* r, int n) {
  int ny = n;
  while (ny > 0 && y[ny - 1] == 0) --ny;
  for (int i = 0; i < n; ++i) q[i] = r[i] = 0;
  if (ny == 1) {
    u64 d = y[0], rem = 0;
    for (int i = n - 1; i >= 0; --i) {
      u128 cur = ((u128)rem << 64) | x[i];
      q[i] = (u64)(cur / d);
      rem = (u64)(cur % d);
    }
    r[0] = rem;
    return;
  }
  int top = n * 64 - 1;
  while (top >= 0 && !((x[top >> 6] >> (top & 63)) & 1)) --top;
  for (int bit = top; bit >= 0; --bit) {
    for (int i = n - 1; i > 0; --i) r[i] = (r[i] << 1) | (r[i - 1] >> 63);
    r[0] = (r[0] << 1) | ((x[bit >> 6] >> (bit & 63)) & 1);
    bool ge = true;
    for (int i = n - 1; i >= 0; --i)
      if (r[i] != y[i]) { ge = r[i] > y[i]; break; }
    if (ge) {
      u64 b = 0;
      for (int i = 0; i < n; ++i) {
        u128 d = (u128)r[i] - y[i] - b;
        r[i] = (u64)d;
        b = (u64)(d >> 64) & 1;
      }
      q[bit >> 6] |= 1ull << (bit & 63);
    }
  }
}

// Write the unsigned magnitude held in t[n] (destroyed) in the given radix,
// digits only, into buf (NUL terminated).  Returns the length.
inline int utoa_words(u64* t, int n, int radix, char* buf, int mindigits) {
  static const char dig[] = "0123456789abcdef";
  char tmp[64 * 66 + 8];
  char* big = nullptr;
  int cap = n * 64 + 8;
  char* out = tmp;
  if (cap > (int)sizeof(tmp)) {
    big = (char*)std::malloc((size_t)cap);
    out = big;
  }
  int len = 0;
  if (radix == 10) {
    const u64 chunk = 10000000000000000000ull;  // 10^19
    for (;;) {
      int nz = n;
      while (nz > 0 && t[nz - 1] == 0) --nz;
      if (nz == 0) break;
      u64 rem = 0;
      for (int i = nz - 1; i >= 0; --i) {
        u128 cur = ((u128)rem << 64) | t[i];
        t[i] = (u64)(cur / chunk);
        rem = (u64)(cur % chunk);
      }
      bool more = false;
      for (int i = 0; i < nz; ++i)
        if (t[i]) { more = true; break; }
      for (int k = 0; k < 19 && (more || rem); ++k) {
        out[len++] = dig[rem % 10];
        rem /= 10;
      }
    }
  } else {
    int bits = radix == 16 ? 4 : radix == 8 ? 3 : 1;
    int total = n * 64;
    for (int pos = 0; pos < total; pos += bits) {
      u64 d = 0;
      for (int b = 0; b < bits && pos + b < total; ++b)
        d |= ((t[(pos + b) >> 6] >> ((pos + b) & 63)) & 1) << b;
      out[len++] = dig[d];
    }
    while (len > 0 && out[len - 1] == '0') --len;
  }
  while (len < mindigits) out[len++] = '0';
  if (len == 0) out[len++] = '0';
  for (int i = 0; i < len; ++i) buf[i] = out[len - 1 - i];
  buf[len] = 0;
  if (big) std::free(big);
  return len;
}
}  // namespace hlsv_ap

template <int W, bool S> struct ap_int_base {
  static_assert(W >= 1, "ap_int/ap_uint width must be at least 1");
  typedef hlsv_ap::u64 u64;
  typedef hlsv_ap::i64 i64;
  static constexpr int width = W;
  static constexpr bool sign_flag = S;
  static constexpr int NW = (W + 63) / 64;     // number of 64-bit words
  static constexpr int TB = W - 64 * (NW - 1);  // bits used in the top word
  typedef typename std::conditional<(W <= 32), typename std::conditional<S, int, unsigned>::type,
                                    typename std::conditional<S, long long, unsigned long long>::type>::type
      RetType;

  u64 v[NW];

  // ---- word access (normalising) ----------------------------------------
  static constexpr u64 ntop(u64 x) {
    if constexpr (TB == 64)
      return x;
    else if constexpr (S)
      return (u64)((i64)(x << (64 - TB)) >> (64 - TB));
    else
      return x & (~0ull >> (64 - TB));
  }
  constexpr u64 w(int i) const {
    if constexpr (NW == 1) {
      (void)i;
      return ntop(v[0]);
    } else {
      return i == NW - 1 ? ntop(v[NW - 1]) : v[i];
    }
  }
  constexpr u64 fill() const {
    if constexpr (S)
      return (u64)((i64)ntop(v[NW - 1]) >> 63);
    else
      return 0;
  }
  // word i of the infinitely sign/zero-extended value
  constexpr u64 wx(int i) const { return (unsigned)i < (unsigned)NW ? w(i) : fill(); }
  // word i of the W-bit pattern, zero above W
  constexpr u64 uw(int i) const { return i == NW - 1 ? (v[i] & (~0ull >> (64 - TB))) : v[i]; }
  constexpr void fixtop() { v[NW - 1] = ntop(v[NW - 1]); }
  constexpr bool isneg() const {
    if constexpr (S)
      return (i64)ntop(v[NW - 1]) < 0;
    else
      return false;
  }
  constexpr bool iszero() const {
    for (int i = 0; i < NW; ++i)
      if (w(i)) return false;
    return true;
  }
  constexpr void zero() {
    for (int i = 0; i < NW; ++i) v[i] = 0;
  }
  // 64 bits of the extended value starting at bit pos (pos >= 0)
  constexpr u64 bits_at(long pos) const {
    unsigned long wi = (unsigned long)pos >> 6;
    int sh = (int)(pos & 63);
    u64 lo = wi < (unsigned long)NW ? w((int)wi) : fill();
    if (sh == 0) return lo;
    u64 hi = wi + 1 < (unsigned long)NW ? w((int)wi + 1) : fill();
    return (lo >> sh) | (hi << (64 - sh));
  }
  constexpr bool bit_ext(long pos) const { return (bits_at(pos) & 1) != 0; }
  // any of the bits [0, n) of the extended value set?
  constexpr bool any_low(long n) const {
    long full = n >> 6;
    for (long i = 0; i < full; ++i)
      if (wx(i < NW ? (int)i : NW)) return true;
    int rest = (int)(n & 63);
    if (rest) return (wx(full < NW ? (int)full : NW) & ((1ull << rest) - 1)) != 0;
    return false;
  }

  // ---- construction -------------------------------------------------------
#ifdef HLSV_AP_ZERO_INIT
  constexpr ap_int_base() : v{} {}
#else
  ap_int_base() = default;  // trivial: see the header comment
#endif
  // Conversion from any width: a non-template constructor (one per
  // destination type) keeps per-(source,destination) instantiations tiny.
  constexpr ap_int_base(hlsv_ap::cvt_tag, const u64* src, int n, int w, bool s) : v{} {
    if constexpr (NW == 1) {
      v[0] = hlsv_ap::nrm(n == 1 ? hlsv_ap::nrm(src[0], w, s) : src[0], W, S);
    } else {
      for (int i = 0; i < NW; ++i) v[i] = hlsv_ap::srcw(src, n, w, s, i);
      fixtop();
    }
  }
  template <int W2, bool S2>
  constexpr ap_int_base(const ap_int_base<W2, S2>& o) : ap_int_base(hlsv_ap::cvt_tag(), o.v, (W2 + 63) / 64, W2, S2) {}
  // From a built-in integer: low word + sign (non-template body).
  constexpr ap_int_base(hlsv_ap::int_tag, u64 lo, bool neg) : v{} {
    if constexpr (NW == 1) {
      v[0] = hlsv_ap::nrm(lo, W, S);
    } else {
      v[0] = lo;
      for (int i = 1; i < NW; ++i) v[i] = neg ? ~0ull : 0;
      fixtop();
    }
  }
  template <class T, typename std::enable_if<std::is_integral<T>::value || std::is_enum<T>::value, int>::type = 0>
  constexpr ap_int_base(T x) : ap_int_base(hlsv_ap::int_tag(), hlsv_ap::int_w0(x), hlsv_ap::int_neg(x)) {}
  constexpr ap_int_base(hlsv_ap::i128 x) : v{} { set_int(x); }
  constexpr ap_int_base(hlsv_ap::u128 x) : v{} { set_int(x); }
  ap_int_base(double d) { from_double(d); }
  ap_int_base(const char* s) { from_str(s, 0); }
  ap_int_base(const char* s, signed char radix) { from_str(s, radix); }
  template <int W2, bool S2>
  ap_int_base(const ap_bit_ref<W2, S2>& b) : ap_int_base((unsigned)(bool)b) {}
  template <int W2, bool S2>
  ap_int_base(const ap_range_ref<W2, S2>& r) : ap_int_base(r.get()) {}
  template <class L, class R>
  ap_int_base(const ap_concat_ref<L, R>& c) : ap_int_base(c.get()) {}
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
  ap_int_base(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& f) : ap_int_base(f.to_ap_int_base()) {}

  template <class T> constexpr void set_int(T x) {
    if constexpr (sizeof(T) > 8) {
      v[0] = (u64)x;
      u64 hi = (u64)(x >> 64);
      u64 f = (u64)((i64)hi >> 63);
      if constexpr (!std::is_signed<T>::value && !std::is_same<T, hlsv_ap::i128>::value) f = 0;
      if constexpr (NW > 1) {
        v[1] = hi;
        for (int i = 2; i < NW; ++i) v[i] = f;
      }
    } else {
      u64 f = 0;
      if constexpr (std::is_signed<T>::value) {
        v[0] = (u64)(i64)x;
        f = x < 0 ? ~0ull : 0;
      } else {
        v[0] = (u64)x;
      }
      for (int i = 1; i < NW; ++i) v[i] = f;
    }
    fixtop();
  }
  void negate_inplace() {
    hlsv_ap::negw(v, NW);
    fixtop();
  }
  void from_double(double d) {
    // C semantics: truncate toward zero, then wrap modulo 2^W.  NaN/inf -> 0.
    if (!(d == d) || d - d != 0) {
      zero();
      return;
    }
    if (d > -9.2e18 && d < 9.2e18) {
      set_int((long long)d);
      return;
    }
    bool neg = d < 0;
    if (neg) d = -d;
    int e = 0;
    double m = __builtin_frexp(d, &e);           // d = m * 2^e
    u64 mi = (u64)__builtin_ldexp(m, 64);         // exact (53 significant bits)
    long sh = (long)e - 64;                       // d = mi * 2^sh, sh >= 0
    zero();
    long wi = sh >> 6;
    int b = (int)(sh & 63);
    if (wi < NW) v[wi] |= mi << b;
    if (b && wi + 1 < NW) v[wi + 1] |= mi >> (64 - b);
    if (neg) hlsv_ap::negw(v, NW);
    fixtop();
  }
  void mul_small_add(unsigned m, unsigned a) {
    u64 c = a;
    for (int i = 0; i < NW; ++i) {
      hlsv_ap::u128 t = (hlsv_ap::u128)v[i] * m + c;
      v[i] = (u64)t;
      c = (u64)(t >> 64);
    }
  }
  void from_str(const char* s, int radix) {
    zero();
    if (!s) return;
    while (*s == ' ' || *s == '\t') ++s;
    bool neg = false;
    if (*s == '-') {
      neg = true;
      ++s;
    } else if (*s == '+') {
      ++s;
    }
    if (s[0] == '0' && s[1]) {
      char p = (char)(s[1] | 32);
      if (p == 'x' && (radix == 0 || radix == 16)) {
        radix = 16;
        s += 2;
      } else if (p == 'b' && (radix == 0 || radix == 2)) {
        radix = 2;
        s += 2;
      } else if (p == 'o' && (radix == 0 || radix == 8)) {
        radix = 8;
        s += 2;
      }
    }
    if (radix <= 1 || radix > 36) radix = 10;
    for (; *s; ++s) {
      char c = *s;
      int d;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if ((c | 32) >= 'a' && (c | 32) <= 'z')
        d = (c | 32) - 'a' + 10;
      else if (c == '_' || c == '\'')
        continue;
      else
        break;
      if (d >= radix) break;
      mul_small_add((unsigned)radix, (unsigned)d);
    }
    if (neg) hlsv_ap::negw(v, NW);
    fixtop();
  }

  // ---- conversions --------------------------------------------------------
  constexpr operator RetType() const { return (RetType)w(0); }
  constexpr int to_int() const { return (int)(i64)w(0); }
  constexpr unsigned to_uint() const { return (unsigned)w(0); }
  constexpr long to_long() const { return (long)(i64)w(0); }
  constexpr unsigned long to_ulong() const { return (unsigned long)w(0); }
  constexpr long long to_int64() const { return (long long)(i64)w(0); }
  constexpr unsigned long long to_uint64() const { return (unsigned long long)w(0); }
  constexpr bool to_bool() const { return !iszero(); }
  double to_double() const {
    if constexpr (NW == 1) {
      if constexpr (S)
        return (double)(i64)w(0);
      else
        return (double)w(0);
    } else {
      u64 t[NW];
      for (int i = 0; i < NW; ++i) t[i] = w(i);
      bool neg = isneg();
      if (neg) hlsv_ap::negw(t, NW);
      double r = 0;
      for (int i = NW - 1; i >= 0; --i) r = r * 18446744073709551616.0 + (double)t[i];
      return neg ? -r : r;
    }
  }
  float to_float() const { return (float)to_double(); }
  constexpr int length() const { return W; }

  // Text conversion into buf (size >= W + 8): radix 2/8/10/16.  With
  // prefix, the text is as the vendor's to_string(radix, sign): radix 2 shows
  // the raw bits (no sign); "0b"/"0o"/"0x" prefixes; the fewest digits, plus
  // a leading 0 when they do not fill the width, the value is not negative
  // and (W <= 64 only) the top digit's high bit is set; W > 64 shows
  // upper-case hex digits and zero as a bare "0".
  int to_chars(char* buf, int radix, bool sign, bool prefix) const {
    if (radix != 2 && radix != 8 && radix != 16) radix = 10;
    if (prefix && radix == 2) sign = false;
    u64 t[NW];
    for (int i = 0; i < NW; ++i) t[i] = uw(i);
    bool neg = sign && ((t[NW - 1] >> (TB - 1)) & 1);
    if (neg) {
      hlsv_ap::negw(t, NW);
      t[NW - 1] &= ~0ull >> (64 - TB);
    }
    bool zero = true;
    for (int i = 0; i < NW; ++i)
      if (t[i]) zero = false;
    int n = 0;
    if (zero && W > 64 && prefix) {
      buf[n++] = '0';
      buf[n] = 0;
      return n;
    }
    if (neg) buf[n++] = '-';
    if (prefix && radix != 10) {
      buf[n++] = '0';
      buf[n++] = radix == 2 ? 'b' : radix == 8 ? 'o' : 'x';
    }
    int d = hlsv_ap::utoa_words(t, NW, radix, buf + n, 0);
    if (prefix && radix != 10 && !zero) {
      int step = radix == 16 ? 4 : radix == 8 ? 3 : 1;
      int full = (W + step - 1) / step;
      int top = buf[n] <= '9' ? buf[n] - '0' : buf[n] - 'a' + 10;
      bool pad = d < full && !neg && (W > 64 || ((top >> (step - 1)) & 1) != 0);
      if (pad) {
        std::memmove(buf + n + 1, buf + n, (size_t)d + 1);
        buf[n] = '0';
        ++d;
      }
      if (W > 64 && radix == 16)
        for (int i = n; i < n + d; ++i)
          if (buf[i] >= 'a') buf[i] = (char)(buf[i] - 'a' + 'A');
    }
    return n + d;
  }
  template <class Str = std::string>
  Str to_string(int radix = 2, bool sign = S) const {
    char buf[W + 8];
    to_chars(buf, radix, sign, true);
    return Str(buf);
  }

  // ---- bit access -----------------------------------------------------------
  static void check_bit(int i) {
    if (i < 0 || i >= W) hlsv_ap::fatal("ap_int bit index out of range");
  }
  constexpr bool test(int i) const { return (v[i >> 6] >> (i & 63)) & 1; }
  bool get_bit(int i) const {
    check_bit(i);
    return test(i);
  }
  void set(int i, bool b) {
    check_bit(i);
    u64 m = 1ull << (i & 63);
    v[i >> 6] = b ? (v[i >> 6] | m) : (v[i >> 6] & ~m);
    fixtop();
  }
  void set(int i) { set(i, true); }
  void set_bit(int i, bool b) { set(i, b); }
  void clear(int i) { set(i, false); }
  void reset(int i) { set(i, false); }
  void invert(int i) { set(i, !get_bit(i)); }
  ap_bit_ref<W, S> operator[](int i) { return ap_bit_ref<W, S>(this, i); }
  ap_bit_ref<W, S> operator[](int i) const { return ap_bit_ref<W, S>(const_cast<ap_int_base*>(this), i); }
  ap_bit_ref<W, S> bit(int i) { return ap_bit_ref<W, S>(this, i); }
  ap_bit_ref<W, S> bit(int i) const { return ap_bit_ref<W, S>(const_cast<ap_int_base*>(this), i); }
  bool sign() const { return isneg(); }
  template <int W2, bool S2> ap_uint<W + W2> concat(const ap_int_base<W2, S2>& b) const {
    ap_uint<W + W2> hi{ap_uint<W>(*this)}, lo{ap_uint<W2>(b)};
    return ap_uint<W + W2>(hi.shl(W2) | lo);
  }

  // ---- ranges ---------------------------------------------------------------
  ap_range_ref<W, S> range(int hi, int lo) { return ap_range_ref<W, S>(this, hi, lo); }
  ap_range_ref<W, S> range(int hi, int lo) const { return ap_range_ref<W, S>(const_cast<ap_int_base*>(this), hi, lo); }
  ap_range_ref<W, S> range() { return ap_range_ref<W, S>(this, W - 1, 0); }
  ap_range_ref<W, S> range() const { return ap_range_ref<W, S>(const_cast<ap_int_base*>(this), W - 1, 0); }
  ap_range_ref<W, S> operator()(int hi, int lo) { return range(hi, lo); }
  ap_range_ref<W, S> operator()(int hi, int lo) const { return range(hi, lo); }

  static u64 rev_bits(u64 x, int n) {
    u64 r = 0;
    for (int i = 0; i < n; ++i) r |= ((x >> i) & 1) << (n - 1 - i);
    return r;
  }
  ap_uint<W> get_range(int hi, int lo) const {
    if (hi < lo) {  // reversed range
      ap_uint<W> f = get_range(lo, hi), r(0);
      int len = lo - hi + 1;
      for (int i = 0; i < len; ++i)
        if (f.test(i)) r.v[(len - 1 - i) >> 6] |= 1ull << ((len - 1 - i) & 63);
      return r;
    }
    int len = hi - lo + 1;
    ap_uint<W> r;
    if constexpr (NW == 1) {
      u64 x = hlsv_ap::nrm(v[0], W, S) >> lo;
      r.v[0] = len >= 64 ? x : (x & ((1ull << len) - 1));
      return r;
    }
    for (int j = 0; j < NW; ++j) {
      u64 x = bits_at((long)lo + 64L * j);
      int b = len - 64 * j;
      r.v[j] = b <= 0 ? 0 : b < 64 ? (x & ((1ull << b) - 1)) : x;
    }
    return r;
  }
  void set_range(int hi, int lo, const ap_int_base<W, false>& val) {
    if (hi < lo) {
      int len = lo - hi + 1;
      ap_int_base<W, false> r(0);
      for (int i = 0; i < len; ++i)
        if (val.test(i)) r.v[(len - 1 - i) >> 6] |= 1ull << ((len - 1 - i) & 63);
      set_range(lo, hi, r);
      return;
    }
    if constexpr (NW == 1) {
      u64 m = (~0ull >> (63 - hi)) & (~0ull << lo);
      v[0] = hlsv_ap::nrm((v[0] & ~m) | ((val.v[0] << lo) & m), W, S);
      return;
    }
    for (int i = lo >> 6; i <= (hi >> 6); ++i) {
      int b0 = lo - 64 * i;
      if (b0 < 0) b0 = 0;
      int b1 = hi - 64 * i;
      if (b1 > 63) b1 = 63;
      u64 m = (~0ull >> (63 - b1)) & (~0ull << b0);
      long p = 64L * i - lo;
      u64 x = p >= 0 ? val.bits_at(p) : (val.w(0) << (-p));
      v[i] = (v[i] & ~m) | (x & m);
    }
    fixtop();
  }

  // ---- shifts (result keeps this type) -------------------------------------
  hlsv_ap::apt<W, S> shl(unsigned long n) const {
    hlsv_ap::apt<W, S> r;
    if (n >= (unsigned long)W) {
      r.zero();
      return r;
    }
    if constexpr (NW == 1) {
      r.v[0] = hlsv_ap::nrm(v[0] << n, W, S);
    } else {
      for (int i = 0; i < NW; ++i) {
        long p = 64L * i - (long)n;
        r.v[i] = p >= 0 ? bits_at(p) : (p > -64 ? (w(0) << (-p)) : 0);
      }
      r.fixtop();
    }
    return r;
  }
  hlsv_ap::apt<W, S> shr(unsigned long n) const {
    hlsv_ap::apt<W, S> r;
    if (n > (unsigned long)W) n = W;
    if constexpr (NW == 1) {
      u64 x = hlsv_ap::nrm(v[0], W, S);
      if constexpr (S)
        r.v[0] = (u64)((i64)x >> (n > 63 ? 63 : n));
      else
        r.v[0] = n >= (unsigned long)W ? 0 : x >> n;
    } else {
      for (int i = 0; i < NW; ++i) r.v[i] = bits_at(64L * i + (long)n);
      r.fixtop();
    }
    return r;
  }
  // shift by a signed amount (negative: the other direction)
  hlsv_ap::apt<W, S> shl_s(long long n) const { return n >= 0 ? shl((unsigned long)n) : shr((unsigned long)-n); }
  hlsv_ap::apt<W, S> shr_s(long long n) const { return n >= 0 ? shr((unsigned long)n) : shl((unsigned long)-n); }
  void lrotate(int n) {
    n %= W;
    if (n < 0) n += W;
    if (n == 0) return;
    ap_int_base<W, false> u(*this);
    *this = ap_int_base<W, S>(u.shl((unsigned long)n) | u.shr((unsigned long)(W - n)));
  }
  void rrotate(int n) { lrotate(W - (n % W)); }

  // ---- in-place helpers / misc ------------------------------------------------
  ap_int_base& operator++() {
    for (int i = 0; i < NW; ++i)
      if (++v[i] != 0) break;
    fixtop();
    return *this;
  }
  ap_int_base& operator--() {
    for (int i = 0; i < NW; ++i)
      if (v[i]-- != 0) break;
    fixtop();
    return *this;
  }
  hlsv_ap::apt<W, S> operator++(int) {
    hlsv_ap::apt<W, S> t(*this);
    ++*this;
    return t;
  }
  hlsv_ap::apt<W, S> operator--(int) {
    hlsv_ap::apt<W, S> t(*this);
    --*this;
    return t;
  }
  hlsv_ap::apt<W + 1, true> operator-() const {
    hlsv_ap::apt<W + 1, true> r(*this);
    r.negate_inplace();
    return r;
  }
  hlsv_ap::apt<W, S> operator+() const { return hlsv_ap::apt<W, S>(*this); }
  hlsv_ap::apt<W, S> operator~() const {
    hlsv_ap::apt<W, S> r;
    for (int i = 0; i < NW; ++i) r.v[i] = ~v[i];
    r.fixtop();
    return r;
  }
  bool operator!() const { return iszero(); }

  template <class T> ap_int_base& operator+=(const T& x) { return *this = *this + x; }
  template <class T> ap_int_base& operator-=(const T& x) { return *this = *this - x; }
  template <class T> ap_int_base& operator*=(const T& x) { return *this = *this * x; }
  template <class T> ap_int_base& operator/=(const T& x) { return *this = *this / x; }
  template <class T> ap_int_base& operator%=(const T& x) { return *this = *this % x; }
  template <class T> ap_int_base& operator&=(const T& x) { return *this = *this & x; }
  template <class T> ap_int_base& operator|=(const T& x) { return *this = *this | x; }
  template <class T> ap_int_base& operator^=(const T& x) { return *this = *this ^ x; }
  template <class T> ap_int_base& operator<<=(const T& x) { return *this = *this << x; }
  template <class T> ap_int_base& operator>>=(const T& x) { return *this = *this >> x; }

  bool and_reduce() const {
    for (int i = 0; i < NW; ++i)
      if (uw(i) != (i == NW - 1 ? (~0ull >> (64 - TB)) : ~0ull)) return false;
    return true;
  }
  bool or_reduce() const { return !iszero(); }
  bool xor_reduce() const {
    int p = 0;
    for (int i = 0; i < NW; ++i) p ^= __builtin_parityll(uw(i));
    return p != 0;
  }
  bool nand_reduce() const { return !and_reduce(); }
  bool nor_reduce() const { return !or_reduce(); }
  bool xnor_reduce() const { return !xor_reduce(); }
  ap_int_base& reverse() {
    ap_int_base<W, S> r(0);
    for (int i = 0; i < W; ++i)
      if (test(i)) r.v[(W - 1 - i) >> 6] |= 1ull << ((W - 1 - i) & 63);
    r.fixtop();
    *this = r;
    return *this;
  }
  void b_not() {
    for (int i = 0; i < NW; ++i) v[i] = ~v[i];
    fixtop();
  }
  int countLeadingZeros() const {
    int n = 0;
    for (int i = NW - 1; i >= 0; --i) {
      u64 x = uw(i);
      int bits = i == NW - 1 ? TB : 64;
      if (x == 0) {
        n += bits;
        continue;
      }
      return n + __builtin_clzll(x) - (64 - bits);
    }
    return n;
  }
  int countTrailingZeros() const {
    for (int i = 0; i < NW; ++i) {
      u64 x = uw(i);
      if (x) return 64 * i + __builtin_ctzll(x);
    }
    return W;
  }
  int countOnes() const {
    int n = 0;
    for (int i = 0; i < NW; ++i) n += __builtin_popcountll(uw(i));
    return n;
  }
};

template <int W> struct ap_int : ap_int_base<W, true> {
  typedef ap_int_base<W, true> Base;
  ap_int() = default;
  template <int W2, bool S2>
  constexpr ap_int(const ap_int_base<W2, S2>& o) : Base(hlsv_ap::cvt_tag(), o.v, (W2 + 63) / 64, W2, S2) {}
  template <int W2, bool S2> ap_int(const ap_bit_ref<W2, S2>& o) : Base(o) {}
  template <int W2, bool S2> ap_int(const ap_range_ref<W2, S2>& o) : Base(o) {}
  template <class L, class R> ap_int(const ap_concat_ref<L, R>& o) : Base(o) {}
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
  ap_int(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& o) : Base(o) {}
  template <class T, typename std::enable_if<std::is_integral<T>::value || std::is_enum<T>::value, int>::type = 0>
  constexpr ap_int(T x) : Base(hlsv_ap::int_tag(), hlsv_ap::int_w0(x), hlsv_ap::int_neg(x)) {}
  constexpr ap_int(hlsv_ap::i128 x) : Base(x) {}
  constexpr ap_int(hlsv_ap::u128 x) : Base(x) {}
  ap_int(double d) : Base(d) {}
  ap_int(const char* s) : Base(s) {}
  ap_int(const char* s, signed char r) : Base(s, r) {}
};

template <int W> struct ap_uint : ap_int_base<W, false> {
  typedef ap_int_base<W, false> Base;
  ap_uint() = default;
  template <int W2, bool S2>
  constexpr ap_uint(const ap_int_base<W2, S2>& o) : Base(hlsv_ap::cvt_tag(), o.v, (W2 + 63) / 64, W2, S2) {}
  template <int W2, bool S2> ap_uint(const ap_bit_ref<W2, S2>& o) : Base(o) {}
  template <int W2, bool S2> ap_uint(const ap_range_ref<W2, S2>& o) : Base(o) {}
  template <class L, class R> ap_uint(const ap_concat_ref<L, R>& o) : Base(o) {}
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
  ap_uint(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& o) : Base(o) {}
  template <class T, typename std::enable_if<std::is_integral<T>::value || std::is_enum<T>::value, int>::type = 0>
  constexpr ap_uint(T x) : Base(hlsv_ap::int_tag(), hlsv_ap::int_w0(x), hlsv_ap::int_neg(x)) {}
  constexpr ap_uint(hlsv_ap::i128 x) : Base(x) {}
  constexpr ap_uint(hlsv_ap::u128 x) : Base(x) {}
  ap_uint(double d) : Base(d) {}
  ap_uint(const char* s) : Base(s) {}
  ap_uint(const char* s, signed char r) : Base(s, r) {}
};

// ---- bit reference ------------------------------------------------------------
template <int W, bool S> struct ap_bit_ref {
  static constexpr int width = 1;
  ap_int_base<W, S>* p;
  int idx;
  ap_bit_ref(ap_int_base<W, S>* p_, int i) : p(p_), idx(i) { ap_int_base<W, S>::check_bit(i); }
  ap_bit_ref(const ap_bit_ref&) = default;
  operator bool() const { return p->test(idx); }
  bool get() const { return p->test(idx); }
  bool to_bool() const { return get(); }
  int to_int() const { return get(); }
  int length() const { return 1; }
  bool operator~() const { return !get(); }
  ap_uint<1> hget() const { return ap_uint<1>((unsigned)get()); }
  void hset(const ap_int_base<1, false>& x) { p->set(idx, (x.w(0) & 1) != 0); }
  ap_bit_ref& operator=(const ap_bit_ref& o) {
    p->set(idx, o.get());
    return *this;
  }
  template <class T, typename std::enable_if<std::is_integral<T>::value, int>::type = 0>
  ap_bit_ref& operator=(T x) {
    p->set(idx, static_cast<bool>(x));
    return *this;
  }
  template <int W2, bool S2> ap_bit_ref& operator=(const ap_int_base<W2, S2>& x) {
    p->set(idx, !x.iszero());
    return *this;
  }
  template <int W2, bool S2> ap_bit_ref& operator=(const ap_bit_ref<W2, S2>& x) {
    p->set(idx, x.get());
    return *this;
  }
  template <int W2, bool S2> ap_bit_ref& operator=(const ap_range_ref<W2, S2>& x) {
    p->set(idx, !x.get().iszero());
    return *this;
  }
  template <class T> ap_bit_ref& operator&=(const T& x) { return *this = (get() && static_cast<bool>(x)); }
  template <class T> ap_bit_ref& operator|=(const T& x) { return *this = (get() || static_cast<bool>(x)); }
  template <class T> ap_bit_ref& operator^=(const T& x) { return *this = (get() != static_cast<bool>(x)); }
};

// ---- range reference ---------------------------------------------------------------
template <int W, bool S> struct ap_range_ref {
  static constexpr int width = W;
  ap_int_base<W, S>* p;
  int hi, lo;
  ap_range_ref(ap_int_base<W, S>* p_, int h, int l) : p(p_), hi(h), lo(l) {
    if (h < 0 || l < 0 || h >= W || l >= W) hlsv_ap::fatal("ap_int range index out of range");
  }
  ap_range_ref(const ap_range_ref&) = default;
  ap_uint<W> get() const { return p->get_range(hi, lo); }
  ap_uint<W> hget() const { return get(); }
  void hset(const ap_int_base<W, false>& x) { p->set_range(hi, lo, x); }
  ap_range_ref& operator=(const ap_range_ref& o) {
    hset(o.get());
    return *this;
  }
  template <class T> ap_range_ref& operator=(const T& x);
  ap_range_ref& operator=(double d) { return *this = ap_int_base<W, false>(d); }
  operator unsigned long long() const { return get().to_uint64(); }
  int length() const { return (hi >= lo ? hi - lo : lo - hi) + 1; }
  int to_int() const { return get().to_int(); }
  unsigned to_uint() const { return get().to_uint(); }
  long to_long() const { return get().to_long(); }
  unsigned long to_ulong() const { return get().to_ulong(); }
  long long to_int64() const { return get().to_int64(); }
  unsigned long long to_uint64() const { return get().to_uint64(); }
  double to_double() const { return get().to_double(); }
  bool and_reduce() const {
    ap_uint<W> g = get();
    int n = length();
    for (int i = 0; i < n; ++i)
      if (!g.test(i)) return false;
    return true;
  }
  bool or_reduce() const { return get().or_reduce(); }
  bool xor_reduce() const { return get().xor_reduce(); }
  template <class Str = std::string> Str to_string(int radix = 2) const {
    return ap_uint<W>(get()).template to_string<Str>(radix, false);
  }
  template <class T> ap_range_ref& operator+=(const T& x) { return *this = get() + x; }
  template <class T> ap_range_ref& operator-=(const T& x) { return *this = get() - x; }
  template <class T> ap_range_ref& operator&=(const T& x) { return *this = get() & x; }
  template <class T> ap_range_ref& operator|=(const T& x) { return *this = get() | x; }
  template <class T> ap_range_ref& operator^=(const T& x) { return *this = get() ^ x; }
  template <class T> ap_range_ref& operator<<=(const T& x) { return *this = get() << x; }
  template <class T> ap_range_ref& operator>>=(const T& x) { return *this = get() >> x; }
};

// ---- operand classification ---------------------------------------------------------
namespace hlsv_ap {
template <class T, class = void> struct opnd {
  static constexpr bool ok = false;
  static constexpr bool isap = false;
  static constexpr bool lval = false;
};
template <class T> struct opnd<T, typename std::enable_if<std::is_integral<T>::value>::type> {
  static constexpr bool ok = true;
  static constexpr bool isap = false;
  static constexpr bool lval = false;
  static constexpr int W = std::is_same<T, bool>::value ? 1 : (int)sizeof(T) * 8;
  static constexpr bool S = std::is_signed<T>::value;
  static constexpr ap_int_base<W, S> get(T x) { return ap_int_base<W, S>(x); }
  static constexpr u64 w0(T x) {
    if constexpr (S)
      return (u64)(i64)x;
    else
      return (u64)x;
  }
};
template <int W_, bool S_> struct opnd_ap {
  static constexpr bool ok = true;
  static constexpr bool isap = true;
  static constexpr bool lval = true;
  static constexpr int W = W_;
  static constexpr bool S = S_;
  static constexpr const ap_int_base<W_, S_>& get(const ap_int_base<W_, S_>& x) { return x; }
  static constexpr u64 w0(const ap_int_base<W_, S_>& x) { return x.v[0]; }
};
template <int W, bool S> struct opnd<ap_int_base<W, S>> : opnd_ap<W, S> {};
template <int W> struct opnd<ap_int<W>> : opnd_ap<W, true> {};
template <int W> struct opnd<ap_uint<W>> : opnd_ap<W, false> {};
template <int W_, bool S_> struct opnd<ap_range_ref<W_, S_>> {
  static constexpr bool ok = true, isap = true, lval = true;
  static constexpr int W = W_;
  static constexpr bool S = false;
  static ap_uint<W_> get(const ap_range_ref<W_, S_>& r) { return r.get(); }
  static u64 w0(const ap_range_ref<W_, S_>& r) { return r.get().v[0]; }
};
template <int W_, bool S_> struct opnd<ap_bit_ref<W_, S_>> {
  static constexpr bool ok = true, isap = true, lval = true;
  static constexpr int W = 1;
  static constexpr bool S = false;
  static ap_uint<1> get(const ap_bit_ref<W_, S_>& r) { return r.hget(); }
  static u64 w0(const ap_bit_ref<W_, S_>& r) { return (u64)r.get(); }
};
template <class L, class R> struct opnd<ap_concat_ref<L, R>> {
  static constexpr bool ok = true, isap = true, lval = true;
  static constexpr int W = L::width + R::width;
  static constexpr bool S = false;
  static ap_uint<W> get(const ap_concat_ref<L, R>& r) { return r.get(); }
  static u64 w0(const ap_concat_ref<L, R>& r) { return r.get().v[0]; }
};
template <class A, class B> constexpr bool binok = opnd<A>::ok && opnd<B>::ok && (opnd<A>::isap || opnd<B>::isap);

// ---- arithmetic kernels ----------------------------------------------------------------
template <int WR, bool SR, int W1, bool S1, int W2, bool S2>
constexpr apt<WR, SR> add(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  apt<WR, SR> r{};
  constexpr int N = ap_int_base<WR, SR>::NW;
  if constexpr (N == 1) {
    r.v[0] = a.wx(0) + b.wx(0);
  } else {
    u64 c = 0;
    for (int i = 0; i < N; ++i) {
      u128 s = (u128)a.wx(i) + b.wx(i) + c;
      r.v[i] = (u64)s;
      c = (u64)(s >> 64);
    }
  }
  r.fixtop();
  return r;
}
template <int WR, bool SR, int W1, bool S1, int W2, bool S2>
constexpr apt<WR, SR> sub(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  apt<WR, SR> r{};
  constexpr int N = ap_int_base<WR, SR>::NW;
  if constexpr (N == 1) {
    r.v[0] = a.wx(0) - b.wx(0);
  } else {
    u64 c = 0;
    for (int i = 0; i < N; ++i) {
      u128 d = (u128)a.wx(i) - b.wx(i) - c;
      r.v[i] = (u64)d;
      c = (u64)(d >> 64) & 1;
    }
  }
  r.fixtop();
  return r;
}
template <int WR, bool SR, int W1, bool S1, int W2, bool S2>
constexpr apt<WR, SR> band(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  apt<WR, SR> r{};
  for (int i = 0; i < ap_int_base<WR, SR>::NW; ++i) r.v[i] = a.wx(i) & b.wx(i);
  r.fixtop();
  return r;
}
template <int WR, bool SR, int W1, bool S1, int W2, bool S2>
constexpr apt<WR, SR> bor(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  apt<WR, SR> r{};
  for (int i = 0; i < ap_int_base<WR, SR>::NW; ++i) r.v[i] = a.wx(i) | b.wx(i);
  r.fixtop();
  return r;
}
template <int WR, bool SR, int W1, bool S1, int W2, bool S2>
constexpr apt<WR, SR> bxor(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  apt<WR, SR> r{};
  for (int i = 0; i < ap_int_base<WR, SR>::NW; ++i) r.v[i] = a.wx(i) ^ b.wx(i);
  r.fixtop();
  return r;
}
template <int WR, bool SR, int W1, bool S1, int W2, bool S2>
constexpr apt<WR, SR> mul(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  apt<WR, SR> r{};
  constexpr int N = ap_int_base<WR, SR>::NW;
  if constexpr (N == 1) {
    r.v[0] = a.wx(0) * b.wx(0);
  } else if constexpr (N == 2) {
    // operands fit in (at most) 128 bits: wrap-around u128 product of the
    // sign/zero-extended values is the exact result modulo 2^128.
    u128 x = ((u128)a.wx(1) << 64) | a.wx(0);
    u128 y = ((u128)b.wx(1) << 64) | b.wx(0);
    u128 p = x * y;
    r.v[0] = (u64)p;
    r.v[1] = (u64)(p >> 64);
  } else {
    for (int i = 0; i < N; ++i) r.v[i] = 0;
    for (int i = 0; i < N; ++i) {
      u64 ai = a.wx(i);
      if (!ai) continue;
      u64 c = 0;
      for (int j = 0; j < N - i; ++j) {
        u128 t = (u128)ai * b.wx(j) + r.v[i + j] + c;
        r.v[i + j] = (u64)t;
        c = (u64)(t >> 64);
      }
    }
  }
  r.fixtop();
  return r;
}
template <int WR, bool SR> constexpr void store128(apt<WR, SR>& r, i128 q) {
  r.v[0] = (u64)q;
  if constexpr (ap_int_base<WR, SR>::NW > 1) {
    r.v[1] = (u64)((u128)q >> 64);
    for (int i = 2; i < ap_int_base<WR, SR>::NW; ++i) r.v[i] = (u64)(q >> 127);
  }
  r.fixtop();
}
template <int W1, bool S1, int W2, bool S2>
void divmod_generic(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b, u64* q, u64* rm) {
  constexpr int N = max_(ap_int_base<W1, S1>::NW, ap_int_base<W2, S2>::NW) + 1;
  u64 x[N], y[N];
  for (int i = 0; i < N; ++i) {
    x[i] = a.wx(i);
    y[i] = b.wx(i);
  }
  bool nx = a.isneg(), ny = b.isneg();
  if (nx) negw(x, N);
  if (ny) negw(y, N);
  bool z = true;
  for (int i = 0; i < N; ++i)
    if (y[i]) z = false;
  if (z) fatal("ap_int division by zero");
  udivmod(x, y, q, rm, N);
  if (nx != ny) negw(q, N);
  if (nx) negw(rm, N);
}
template <int W, bool S> constexpr i128 val128(const ap_int_base<W, S>& a) {
  return S ? (i128)(i64)a.w(0) : (i128)a.w(0);
}
template <int WR, bool SR, int W1, bool S1, int W2, bool S2>
apt<WR, SR> div(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  apt<WR, SR> r;
  if constexpr (W1 < 64 && W2 < 64) {
    i64 x = (i64)a.w(0), y = (i64)b.w(0);
    if (y == 0) fatal("ap_int division by zero");
    store128<WR, SR>(r, (i128)(x / y));
  } else if constexpr (ap_int_base<W1, S1>::NW == 1 && ap_int_base<W2, S2>::NW == 1) {
    i128 y = val128(b);
    if (y == 0) fatal("ap_int division by zero");
    store128<WR, SR>(r, val128(a) / y);
  } else {
    constexpr int N = max_(ap_int_base<W1, S1>::NW, ap_int_base<W2, S2>::NW) + 1;
    u64 q[N], m[N];
    divmod_generic(a, b, q, m);
    for (int i = 0; i < ap_int_base<WR, SR>::NW; ++i) r.v[i] = i < N ? q[i] : (u64)((i64)q[N - 1] >> 63);
    r.fixtop();
  }
  return r;
}
template <int WR, bool SR, int W1, bool S1, int W2, bool S2>
apt<WR, SR> mod(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  apt<WR, SR> r;
  if constexpr (W1 < 64 && W2 < 64) {
    i64 x = (i64)a.w(0), y = (i64)b.w(0);
    if (y == 0) fatal("ap_int division by zero");
    store128<WR, SR>(r, (i128)(x % y));
  } else if constexpr (ap_int_base<W1, S1>::NW == 1 && ap_int_base<W2, S2>::NW == 1) {
    i128 y = val128(b);
    if (y == 0) fatal("ap_int division by zero");
    store128<WR, SR>(r, val128(a) % y);
  } else {
    constexpr int N = max_(ap_int_base<W1, S1>::NW, ap_int_base<W2, S2>::NW) + 1;
    u64 q[N], m[N];
    divmod_generic(a, b, q, m);
    for (int i = 0; i < ap_int_base<WR, SR>::NW; ++i) r.v[i] = i < N ? m[i] : (u64)((i64)m[N - 1] >> 63);
    r.fixtop();
  }
  return r;
}
// three-way comparison of the mathematical values
template <int W1, bool S1, int W2, bool S2>
constexpr int cmp(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  if constexpr (ap_int_base<W1, S1>::NW == 1 && ap_int_base<W2, S2>::NW == 1) {
    if constexpr (S1 == S2 && (W1 < 64 || !S1)) {
      if constexpr (S1) {
        i64 x = (i64)a.w(0), y = (i64)b.w(0);
        return (x > y) - (x < y);
      } else {
        u64 x = a.w(0), y = b.w(0);
        return (x > y) - (x < y);
      }
    } else {
      i128 x = val128(a), y = val128(b);
      return (x > y) - (x < y);
    }
  } else {
    constexpr int N = max_(ap_int_base<W1, S1>::NW, ap_int_base<W2, S2>::NW) + 1;
    for (int i = N - 1; i >= 0; --i) {
      u64 x = a.wx(i), y = b.wx(i);
      if (x != y) {
        if (i == N - 1) return (i64)x < (i64)y ? -1 : 1;
        return x < y ? -1 : 1;
      }
    }
    return 0;
  }
}
template <int W1, bool S1, int W2, bool S2>
constexpr bool eq(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  if constexpr (ap_int_base<W1, S1>::NW == 1 && ap_int_base<W2, S2>::NW == 1 && S1 == S2) {
    return a.w(0) == b.w(0);
  } else {
    constexpr int N = max_(ap_int_base<W1, S1>::NW, ap_int_base<W2, S2>::NW) + 1;
    for (int i = 0; i < N; ++i)
      if (a.wx(i) != b.wx(i)) return false;
    return true;
  }
}
}  // namespace hlsv_ap

template <int W, bool S>
template <class T>
ap_range_ref<W, S>& ap_range_ref<W, S>::operator=(const T& x) {
  static_assert(hlsv_ap::opnd<T>::ok, "unsupported type assigned to ap range");
  hset(ap_int_base<W, false>(hlsv_ap::opnd<T>::get(x)));
  return *this;
}

// ---- binary operators (ap op ap, ap op int, int op ap, refs) ---------------------------
// Single-word results are computed inline on normalised 64-bit words (cheap
// to compile and to run); wider ones go through the multi-word kernels.
#define HLSV_AP_BINOP(OP, FN, K, FAST)                                                          \
  template <class A, class B, typename std::enable_if<hlsv_ap::binok<A, B>, int>::type = 0>      \
  constexpr inline auto operator OP(const A& a, const B& b) {                                    \
    typedef hlsv_ap::opnd<A> PA;                                                                 \
    typedef hlsv_ap::opnd<B> PB;                                                                 \
    typedef hlsv_ap::rt<PA::W, PA::S, PB::W, PB::S> R;                                           \
    if constexpr (R::K##_w <= 64) {                                                              \
      hlsv_ap::u64 x = hlsv_ap::nrm(PA::w0(a), PA::W, PA::S);                                    \
      hlsv_ap::u64 y = hlsv_ap::nrm(PB::w0(b), PB::W, PB::S);                                    \
      hlsv_ap::apt<R::K##_w, R::K##_s> r{};                                                      \
      r.v[0] = hlsv_ap::nrm(FAST, R::K##_w, R::K##_s);                                           \
      return r;                                                                                  \
    } else {                                                                                     \
      return hlsv_ap::FN<R::K##_w, R::K##_s>(PA::get(a), PB::get(b));                            \
    }                                                                                            \
  }
HLSV_AP_BINOP(+, add, plus, x + y)
HLSV_AP_BINOP(-, sub, minus, x - y)
HLSV_AP_BINOP(*, mul, mult, x* y)
HLSV_AP_BINOP(&, band, logic, x& y)
HLSV_AP_BINOP(|, bor, logic, x | y)
HLSV_AP_BINOP(^, bxor, logic, x ^ y)
#undef HLSV_AP_BINOP

namespace hlsv_ap {
inline i64 sdiv_checked(i64 x, i64 y, bool mod) {
  if (y == 0) fatal("ap_int division by zero");
  return mod ? x % y : x / y;
}
}  // namespace hlsv_ap
#define HLSV_AP_DIVOP(OP, FN, K, MOD)                                                           \
  template <class A, class B, typename std::enable_if<hlsv_ap::binok<A, B>, int>::type = 0>      \
  inline auto operator OP(const A& a, const B& b) {                                              \
    typedef hlsv_ap::opnd<A> PA;                                                                 \
    typedef hlsv_ap::opnd<B> PB;                                                                 \
    typedef hlsv_ap::rt<PA::W, PA::S, PB::W, PB::S> R;                                           \
    if constexpr (PA::W < 64 && PB::W < 64) {                                                    \
      hlsv_ap::i64 x = (hlsv_ap::i64)hlsv_ap::nrm(PA::w0(a), PA::W, PA::S);                      \
      hlsv_ap::i64 y = (hlsv_ap::i64)hlsv_ap::nrm(PB::w0(b), PB::W, PB::S);                      \
      hlsv_ap::apt<R::K##_w, R::K##_s> r;                                                        \
      r.v[0] = hlsv_ap::nrm((hlsv_ap::u64)hlsv_ap::sdiv_checked(x, y, MOD), R::K##_w, R::K##_s); \
      return r;                                                                                  \
    } else {                                                                                     \
      return hlsv_ap::FN<R::K##_w, R::K##_s>(PA::get(a), PB::get(b));                            \
    }                                                                                            \
  }
HLSV_AP_DIVOP(/, div, div, false)
HLSV_AP_DIVOP(%, mod, mod, true)
#undef HLSV_AP_DIVOP

namespace hlsv_ap {
template <class A, class B> constexpr int cmp_any(const A& a, const B& b) {
  typedef opnd<A> PA;
  typedef opnd<B> PB;
  if constexpr (PA::W <= 64 && PB::W <= 64) {
    i128 x = v128(PA::w0(a), PA::W, PA::S), y = v128(PB::w0(b), PB::W, PB::S);
    return (x > y) - (x < y);
  } else {
    return cmp(PA::get(a), PB::get(b));
  }
}
}  // namespace hlsv_ap
#define HLSV_AP_CMPOP(OP)                                                                        \
  template <class A, class B, typename std::enable_if<hlsv_ap::binok<A, B>, int>::type = 0>      \
  constexpr inline bool operator OP(const A& a, const B& b) {                                    \
    return hlsv_ap::cmp_any(a, b) OP 0;                                                          \
  }
HLSV_AP_CMPOP(==)
HLSV_AP_CMPOP(!=)
HLSV_AP_CMPOP(<)
HLSV_AP_CMPOP(<=)
HLSV_AP_CMPOP(>)
HLSV_AP_CMPOP(>=)
#undef HLSV_AP_CMPOP

// Shifts: the result has the type of the (ap) left operand.  A negative
// signed shift amount shifts in the other direction.
namespace hlsv_ap {
template <class B> inline long long shift_amount(const B& b) {
  typedef opnd<B> P;
  const long long lim = 1ll << 30;
  if constexpr (P::W <= 64) {
    i128 x = v128(P::w0(b), P::W, P::S);
    return x > lim ? lim : x < -lim ? -lim : (long long)x;
  } else {
    const auto& g = P::get(b);
    bool neg = g.isneg();
    u64 f = neg ? ~0ull : 0;
    for (int i = 1; i < nwords(P::W); ++i)
      if (srcw(g.v, nwords(P::W), P::W, P::S, i) != f) return neg ? -lim : lim;
    i64 lo = (i64)g.v[0];
    if ((lo < 0) != neg) return neg ? -lim : lim;
    return lo > lim ? lim : lo < -lim ? -lim : lo;
  }
}
}  // namespace hlsv_ap
template <class A, class B,
          typename std::enable_if<hlsv_ap::opnd<A>::isap && hlsv_ap::opnd<B>::ok, int>::type = 0>
inline auto operator<<(const A& a, const B& b) {
  return hlsv_ap::opnd<A>::get(a).shl_s(hlsv_ap::shift_amount(b));
}
template <class A, class B,
          typename std::enable_if<hlsv_ap::opnd<A>::isap && hlsv_ap::opnd<B>::ok, int>::type = 0>
inline auto operator>>(const A& a, const B& b) {
  return hlsv_ap::opnd<A>::get(a).shr_s(hlsv_ap::shift_amount(b));
}

// ---- concatenation -----------------------------------------------------------------------
namespace hlsv_ap {
// lvalue handle for a whole ap_int_base object inside a concatenation
template <int W, bool S> struct hwhole {
  static constexpr int width = W;
  ap_int_base<W, S>* p;
  ap_uint<W> hget() const { return ap_uint<W>(*p); }
  void hset(const ap_int_base<W, false>& x) { *p = ap_int_base<W, S>(x); }
};
template <class T> struct hmake;
template <int W, bool S> struct hmake<ap_int_base<W, S>> {
  typedef hwhole<W, S> type;
  static type make(const ap_int_base<W, S>& x) { return type{const_cast<ap_int_base<W, S>*>(&x)}; }
};
template <int W> struct hmake<ap_int<W>> : hmake<ap_int_base<W, true>> {};
template <int W> struct hmake<ap_uint<W>> : hmake<ap_int_base<W, false>> {};
template <int W, bool S> struct hmake<ap_bit_ref<W, S>> {
  typedef ap_bit_ref<W, S> type;
  static type make(const type& x) { return x; }
};
template <int W, bool S> struct hmake<ap_range_ref<W, S>> {
  typedef ap_range_ref<W, S> type;
  static type make(const type& x) { return x; }
};
template <class L, class R> struct hmake<ap_concat_ref<L, R>> {
  typedef ap_concat_ref<L, R> type;
  static type make(const type& x) { return x; }
};
}  // namespace hlsv_ap

template <class L, class R> struct ap_concat_ref {
  static constexpr int width = L::width + R::width;
  L l;
  R r;
  ap_concat_ref(const L& l_, const R& r_) : l(l_), r(r_) {}
  ap_concat_ref(const ap_concat_ref&) = default;
  ap_uint<width> get() const {
    ap_uint<width> hi(l.hget()), lo(r.hget());
    return ap_uint<width>(hi.shl(R::width) | lo);
  }
  ap_uint<width> hget() const { return get(); }
  void hset(const ap_int_base<width, false>& x) {
    r.hset(ap_int_base<R::width, false>(x));
    l.hset(ap_int_base<L::width, false>(x.shr(R::width)));
  }
  ap_concat_ref& operator=(const ap_concat_ref& o) {
    hset(o.get());
    return *this;
  }
  template <class T, typename std::enable_if<hlsv_ap::opnd<T>::ok, int>::type = 0>
  ap_concat_ref& operator=(const T& x) {
    hset(ap_int_base<width, false>(hlsv_ap::opnd<T>::get(x)));
    return *this;
  }
  operator unsigned long long() const { return get().to_uint64(); }
  int length() const { return width; }
  int to_int() const { return get().to_int(); }
  unsigned to_uint() const { return get().to_uint(); }
  long long to_int64() const { return get().to_int64(); }
  unsigned long long to_uint64() const { return get().to_uint64(); }
  template <class Str = std::string> Str to_string(int radix = 2) const {
    return get().template to_string<Str>(radix, false);
  }
};

template <class A, class B,
          typename std::enable_if<hlsv_ap::opnd<A>::lval && hlsv_ap::opnd<B>::lval, int>::type = 0>
inline ap_concat_ref<typename hlsv_ap::hmake<A>::type, typename hlsv_ap::hmake<B>::type> operator,(const A& a,
                                                                                                   const B& b) {
  return ap_concat_ref<typename hlsv_ap::hmake<A>::type, typename hlsv_ap::hmake<B>::type>(
      hlsv_ap::hmake<A>::make(a), hlsv_ap::hmake<B>::make(b));
}

// .concat() member-like free helper (Vitis spells it a.concat(b)); provided
// via ap_int_base extension below.
template <int W1, bool S1, int W2, bool S2>
inline ap_uint<W1 + W2> ap_concat(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  return ap_uint<W1 + W2>(ap_uint<W1 + W2>(ap_uint<W1>(a)).shl(W2) | ap_uint<W2>(b));
}

// ---- stream I/O -----------------------------------------------------------------------------
// As the vendor's header does, the radix comes from std::cout's flags (not
// the stream's own), and hex/octal text is to_string(16/8): sign and prefix,
// e.g. "-0x12c".  Width and fill apply to the whole text.
template <class C, class T, int W, bool S>
std::basic_ostream<C, T>& operator<<(std::basic_ostream<C, T>& os, const ap_int_base<W, S>& x) {
  char buf[W + 8];
  auto f = std::cout.flags();
  int radix = (f & std::ios_base::hex) ? 16 : (f & std::ios_base::oct) ? 8 : 10;
  x.to_chars(buf, radix, S, radix != 10);
  return os << buf;
}
template <class C, class T, int W, bool S>
std::basic_ostream<C, T>& operator<<(std::basic_ostream<C, T>& os, const ap_range_ref<W, S>& x) {
  return os << x.get();
}
template <class C, class T, class L, class R>
std::basic_ostream<C, T>& operator<<(std::basic_ostream<C, T>& os, const ap_concat_ref<L, R>& x) {
  return os << x.get().to_uint64();  // the vendor prints a concatenation as its low 64 bits
}
template <class C, class T, int W, bool S>
std::basic_istream<C, T>& operator>>(std::basic_istream<C, T>& is, ap_int_base<W, S>& x) {
  typename std::conditional<S, long long, unsigned long long>::type t = 0;
  is >> t;
  x = ap_int_base<W, S>(t);
  return is;
}

#include "ap_fixed.h"

#endif  // HLSV_AP_INT_H
