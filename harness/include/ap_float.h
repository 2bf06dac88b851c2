// hlsv -- ap_float.h : arbitrary-precision floating point for C simulation
// (written for hlsv from the documented format).
//
// ap_float<W, E>: 1 sign bit, E exponent bits (bias 2^(E-1)-1), W-E-1
// fraction bits, with subnormals, infinities and NaN, IEEE-754 style.  Every
// value (construction, assignment, each operator result) is rounded to the
// nearest representable value, ties to even; overflow gives +-infinity.
// ap_float<32, 8> behaves as float and ap_float<64, 11> as double.
// The model computes in double and rounds, so W-E-1 <= 52 and E <= 11.
#ifndef HLSV_AP_FLOAT_H
#define HLSV_AP_FLOAT_H

#include <cmath>
#include <iostream>

template <int W, int E> class ap_float {
  static_assert(E >= 2 && E <= 11, "ap_float: 2 <= E <= 11 in hlsv's model");
  static_assert(W - E - 1 >= 1 && W - E - 1 <= 52, "ap_float: 1 <= W-E-1 <= 52 in hlsv's model");

 public:
  static constexpr int width = W, exp_width = E, mant_width = W - E - 1;
  static constexpr int bias = (1 << (E - 1)) - 1;

  ap_float() : v_(0) {}
  ap_float(double d) : v_(round(d)) {}
  ap_float(float f) : v_(round(f)) {}
  ap_float(int i) : v_(round((double)i)) {}
  ap_float(long i) : v_(round((double)i)) {}
  ap_float(long long i) : v_(round((double)i)) {}
  ap_float(unsigned i) : v_(round((double)i)) {}
  template <int W2, int E2> ap_float(const ap_float<W2, E2>& o) : v_(round(o.to_double())) {}

  operator double() const { return v_; }
  double to_double() const { return v_; }
  float to_float() const { return (float)v_; }
  int to_int() const { return (int)v_; }

  ap_float operator-() const { return ap_float(-v_); }
  ap_float& operator+=(const ap_float& o) { return *this = ap_float(v_ + o.v_); }
  ap_float& operator-=(const ap_float& o) { return *this = ap_float(v_ - o.v_); }
  ap_float& operator*=(const ap_float& o) { return *this = ap_float(v_ * o.v_); }
  ap_float& operator/=(const ap_float& o) { return *this = ap_float(v_ / o.v_); }
  friend ap_float operator+(const ap_float& a, const ap_float& b) { return ap_float(a.v_ + b.v_); }
  friend ap_float operator-(const ap_float& a, const ap_float& b) { return ap_float(a.v_ - b.v_); }
  friend ap_float operator*(const ap_float& a, const ap_float& b) { return ap_float(a.v_ * b.v_); }
  friend ap_float operator/(const ap_float& a, const ap_float& b) { return ap_float(a.v_ / b.v_); }
  friend bool operator==(const ap_float& a, const ap_float& b) { return a.v_ == b.v_; }
  friend bool operator!=(const ap_float& a, const ap_float& b) { return a.v_ != b.v_; }
  friend bool operator<(const ap_float& a, const ap_float& b) { return a.v_ < b.v_; }
  friend bool operator<=(const ap_float& a, const ap_float& b) { return a.v_ <= b.v_; }
  friend bool operator>(const ap_float& a, const ap_float& b) { return a.v_ > b.v_; }
  friend bool operator>=(const ap_float& a, const ap_float& b) { return a.v_ >= b.v_; }
  friend std::ostream& operator<<(std::ostream& os, const ap_float& x) { return os << x.v_; }

  // largest finite value and smallest positive (subnormal) value
  static double max_value() { return std::ldexp(2.0 - std::ldexp(1.0, -mant_width), bias); }
  static double min_value() { return std::ldexp(1.0, 1 - bias - mant_width); }

 private:
  static double round(double x) {
    if (x == 0 || std::isnan(x) || std::isinf(x)) return x;
    int e = std::ilogb(x);
    if (e < 1 - bias) e = 1 - bias;  // subnormal range: fixed quantum
    double q = std::ldexp(1.0, e - mant_width);
    double r = std::nearbyint(x / q) * q;  // default rounding mode: ties to even
    if (std::fabs(r) > max_value()) return x > 0 ? HUGE_VAL : -HUGE_VAL;
    return r;
  }
  double v_;
};

#endif  // HLSV_AP_FLOAT_H
