// hlsv -- hls_burst_maxi.h : hls::burst_maxi for C simulation (written for
// hlsv from the behaviour UG1399 documents).
//
//   void krnl(hls::burst_maxi<int> in, hls::burst_maxi<int> out) {
//     in.read_request(offset, len);  for (...) x = in.read();
//     out.write_request(offset, len); for (...) out.write(x);  out.write_response();
//   }
// The testbench passes a plain pointer (burst_maxi<T> converts from T*).
// C simulation checks the protocol the documentation requires: read() only
// after a read_request() with elements left, write() only within a
// write_request(), and write_response() only after all requested elements
// have been written.  A violation aborts with an "hlsv:" message, because the
// hardware would hang.
#ifndef HLSV_HLS_BURST_MAXI_H
#define HLSV_HLS_BURST_MAXI_H

#include <cstddef>
#include <cstdio>
#include <cstdlib>

namespace hls {
template <class T> class burst_maxi {
 public:
  burst_maxi(T* p) : ptr_(p) {}
  burst_maxi(const burst_maxi& b) : ptr_(b.ptr_) {}

  void read_request(size_t offset, size_t len) {
    rq_[rq_n_ % kQ] = {offset, len};
    ++rq_n_;
  }
  T read() {
    while (rd_left_ == 0) {
      if (rq_head_ == rq_n_) fail("burst_maxi::read() without an outstanding read_request()");
      rd_pos_ = rq_[rq_head_ % kQ].off;
      rd_left_ = rq_[rq_head_ % kQ].len;
      ++rq_head_;
    }
    --rd_left_;
    return ptr_[rd_pos_++];
  }
  void write_request(size_t offset, size_t len) {
    wq_[wq_n_ % kQ] = {offset, len};
    ++wq_n_;
  }
  void write(const T& v, unsigned long long byte_enable = ~0ull) {
    (void)byte_enable;
    while (wr_left_ == 0) {
      if (wq_head_ == wq_n_) fail("burst_maxi::write() without an outstanding write_request()");
      wr_pos_ = wq_[wq_head_ % kQ].off;
      wr_left_ = wq_[wq_head_ % kQ].len;
      ++wq_head_;
    }
    ptr_[wr_pos_++] = v;
    if (--wr_left_ == 0) ++completed_;
  }
  void write_response() {
    if (completed_ == 0) fail("burst_maxi::write_response() before all data of a write_request() was written");
    --completed_;
  }
  // plain pointer-style access is also allowed on burst_maxi ports
  T& operator[](size_t i) { return ptr_[i]; }

 private:
  [[noreturn]] static void fail(const char* m) {
    std::fprintf(stderr, "hlsv: %s\n", m);
    std::fflush(nullptr);
    std::abort();
  }
  struct req {
    size_t off, len;
  };
  static constexpr size_t kQ = 64;
  T* ptr_;
  req rq_[kQ] = {}, wq_[kQ] = {};
  size_t rq_n_ = 0, rq_head_ = 0, rd_pos_ = 0, rd_left_ = 0;
  size_t wq_n_ = 0, wq_head_ = 0, wr_pos_ = 0, wr_left_ = 0, completed_ = 0;
};
}  // namespace hls

#endif  // HLSV_HLS_BURST_MAXI_H
