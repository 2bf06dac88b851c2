// hlsv -- hls_vector.h : hls::vector<T, N> for C simulation (written for hlsv).
// Fixed-size element array with elementwise arithmetic (vector op vector and
// vector op scalar), comparisons (== / != compare all elements) and
// reductions.
#ifndef HLSV_HLS_VECTOR_H
#define HLSV_HLS_VECTOR_H

#include <cstddef>
#include <initializer_list>

namespace hls {
template <class T, size_t N> class vector {
  static_assert(N > 0, "hls::vector needs at least one element");

 public:
  T data[N];

  vector() = default;
  vector(const T& v) {
    for (size_t i = 0; i < N; ++i) data[i] = v;
  }
  vector(std::initializer_list<T> l) {
    size_t i = 0;
    for (const T& x : l) {
      if (i >= N) break;
      data[i++] = x;
    }
    for (; i < N; ++i) data[i] = T();
  }
  vector(const T (&a)[N]) {
    for (size_t i = 0; i < N; ++i) data[i] = a[i];
  }

  static constexpr size_t size() { return N; }
  T& operator[](size_t i) { return data[i]; }
  const T& operator[](size_t i) const { return data[i]; }
  T* begin() { return data; }
  T* end() { return data + N; }
  const T* begin() const { return data; }
  const T* end() const { return data + N; }

#define HLSV_VEC_OP(OP)                                                   \
  vector& operator OP##=(const vector & o) {                              \
    for (size_t i = 0; i < N; ++i) data[i] = data[i] OP o.data[i];        \
    return *this;                                                         \
  }                                                                       \
  vector& operator OP##=(const T & s) {                                   \
    for (size_t i = 0; i < N; ++i) data[i] = data[i] OP s;                \
    return *this;                                                         \
  }                                                                       \
  friend vector operator OP(const vector& a, const vector& b) {           \
    vector r(a);                                                          \
    r OP## = b;                                                           \
    return r;                                                             \
  }                                                                       \
  friend vector operator OP(const vector& a, const T& s) {                \
    vector r(a);                                                          \
    r OP## = s;                                                           \
    return r;                                                             \
  }                                                                       \
  friend vector operator OP(const T& s, const vector& a) {                \
    vector r;                                                             \
    for (size_t i = 0; i < N; ++i) r.data[i] = s OP a.data[i];            \
    return r;                                                             \
  }
  HLSV_VEC_OP(+)
  HLSV_VEC_OP(-)
  HLSV_VEC_OP(*)
  HLSV_VEC_OP(/)
  HLSV_VEC_OP(%)
  HLSV_VEC_OP(&)
  HLSV_VEC_OP(|)
  HLSV_VEC_OP(^)
#undef HLSV_VEC_OP

  vector operator-() const {
    vector r;
    for (size_t i = 0; i < N; ++i) r.data[i] = -data[i];
    return r;
  }
  friend bool operator==(const vector& a, const vector& b) {
    for (size_t i = 0; i < N; ++i)
      if (!(a.data[i] == b.data[i])) return false;
    return true;
  }
  friend bool operator!=(const vector& a, const vector& b) { return !(a == b); }

  T reduce_add() const {
    T r = data[0];
    for (size_t i = 1; i < N; ++i) r = r + data[i];
    return r;
  }
  T reduce_mult() const {
    T r = data[0];
    for (size_t i = 1; i < N; ++i) r = r * data[i];
    return r;
  }
  T reduce_and() const {
    T r = data[0];
    for (size_t i = 1; i < N; ++i) r = r & data[i];
    return r;
  }
  T reduce_or() const {
    T r = data[0];
    for (size_t i = 1; i < N; ++i) r = r | data[i];
    return r;
  }
  T reduce_xor() const {
    T r = data[0];
    for (size_t i = 1; i < N; ++i) r = r ^ data[i];
    return r;
  }
  T reduce_min() const {
    T r = data[0];
    for (size_t i = 1; i < N; ++i)
      if (data[i] < r) r = data[i];
    return r;
  }
  T reduce_max() const {
    T r = data[0];
    for (size_t i = 1; i < N; ++i)
      if (r < data[i]) r = data[i];
    return r;
  }
};
}  // namespace hls

#endif  // HLSV_HLS_VECTOR_H
