// hlsv -- hls_streamofblocks.h : hls::stream_of_blocks for C simulation
// (written for hlsv from the behaviour UG1399 documents).
//
//   hls::stream_of_blocks<block_t, DEPTH> s;
//   { hls::write_lock<block_t> b(s); b[i] = ...; }   // block pushed at scope end
//   { hls::read_lock<block_t> b(s);  ... = b[i]; }   // block popped at lock time
//
// block_t is usually an array type (int[N]) or a struct.  A write lock hands
// out a fresh block; its contents reach the reader when the lock goes out of
// scope.  A read lock blocks (or, without tasks, aborts on an empty channel)
// like hls::stream::read.  empty() / full() are as for hls::stream.
#ifndef HLSV_HLS_STREAMOFBLOCKS_H
#define HLSV_HLS_STREAMOFBLOCKS_H

#include <cstring>

#include "hls_stream.h"

namespace hls {
namespace hlsv_rt {
template <class B> struct block_box {
  B v;
};
}  // namespace hlsv_rt

template <class B, int DEPTH = 2> class stream_of_blocks;

// The default-depth channel holds everything; other depths derive from it, so
// a stream_of_blocks<B, N> binds to a `stream_of_blocks<B>&` parameter.
template <class B> class stream_of_blocks<B, 2> : public hlsv_rt::channel_tag {
 public:
  stream_of_blocks() {}
  explicit stream_of_blocks(const char* name) : s_(name) {}
  bool empty() const { return s_.empty(); }
  bool full() const { return s_.size() >= (size_t)depth_; }
  stream<hlsv_rt::block_box<B>>& hlsv_stream() { return s_; }

 protected:
  int depth_ = 2;

 private:
  stream<hlsv_rt::block_box<B>> s_;
};

template <class B, int DEPTH> class stream_of_blocks : public stream_of_blocks<B, 2> {
 public:
  stream_of_blocks() { this->depth_ = DEPTH; }
  explicit stream_of_blocks(const char* name) : stream_of_blocks<B, 2>(name) { this->depth_ = DEPTH; }
};

template <class B> class write_lock {
 public:
  explicit write_lock(stream_of_blocks<B>& s) : s_(&s.hlsv_stream()) {
    std::memset(static_cast<void*>(&box_), 0, sizeof(box_));
  }
  write_lock(const write_lock&) = delete;
  ~write_lock() { s_->write(box_); }
  operator B&() { return box_.v; }
  template <class I> decltype(auto) operator[](I i) { return box_.v[i]; }

 private:
  stream<hlsv_rt::block_box<B>>* s_;
  hlsv_rt::block_box<B> box_;
};

template <class B> class read_lock {
 public:
  explicit read_lock(stream_of_blocks<B>& s) : box_(s.hlsv_stream().read()) {}
  read_lock(const read_lock&) = delete;
  operator B&() { return box_.v; }
  template <class I> decltype(auto) operator[](I i) { return box_.v[i]; }

 private:
  hlsv_rt::block_box<B> box_;
};
}  // namespace hls

#endif  // HLSV_HLS_STREAMOFBLOCKS_H
