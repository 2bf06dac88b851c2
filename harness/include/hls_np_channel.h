// hlsv -- hls_np_channel.h : split / merge channels for C simulation (written
// for hlsv from the behaviour UG1399 documents).
//
//   hls::split::round_robin<T, N_OUT>   in -> out[0..N_OUT-1]
//   hls::split::load_balance<T, N_OUT>  in -> out[...]
//   hls::merge::round_robin<T, N_IN>    in[0..N_IN-1] -> out
//   hls::merge::load_balance<T, N_IN>   in[...] -> out
// (further int template arguments, the channel depths, are accepted and only
// set the streams' depth).  The members are hls::stream objects, so they are
// passed to functions and hls::task like any stream.
//
// Model: data moves lazily, when a reader finds its stream empty.
//  * split round robin: element k of `in` goes to out[k % N_OUT], whoever reads.
//  * split load balance: the reader that asks gets the next element (the
//    output "available" first wins), so the distribution depends on timing
//    with tasks, as Vitis warns; sequential code gets a deterministic order.
//  * merge round robin: `out` takes one element from in[0], then in[1], ...,
//    waiting for the next input in turn.
//  * merge load balance: `out` takes from any input that has data, scanning
//    from the one after the last served.
#ifndef HLSV_HLS_NP_CHANNEL_H
#define HLSV_HLS_NP_CHANNEL_H

#include "hls_stream.h"

namespace hls {
namespace hlsv_rt {
template <class T, int N, bool RR, int D> struct split_channel : channel_tag, feeder {
  static_assert(N >= 1, "hls::split needs at least one output");
  stream<T, D> in;
  stream<T, D> out[N];
  split_channel() {
    for (int i = 0; i < N; ++i) out[i].hlsv_set_feeder(this);
  }
  split_channel(const split_channel&) = delete;
  void feed(void* requester) override {
    ring<T>& src = in.hlsv_queue();
    if (!RR) {
      if (!src.empty()) {
        static_cast<stream<T>*>(requester)->hlsv_queue().push_back(src.front());
        src.pop_front();
      }
      return;
    }
    ring<T>& want = static_cast<stream<T>*>(requester)->hlsv_queue();
    while (want.empty() && !src.empty()) {
      out[next_].hlsv_queue().push_back(src.front());
      src.pop_front();
      next_ = (next_ + 1) % N;
    }
  }

 private:
  int next_ = 0;
};

template <class T, int N, bool RR, int D> struct merge_channel : channel_tag, feeder {
  static_assert(N >= 1, "hls::merge needs at least one input");
  stream<T, D> in[N];
  stream<T, D> out;
  merge_channel() { out.hlsv_set_feeder(this); }
  merge_channel(const merge_channel&) = delete;
  void feed(void*) override {
    ring<T>& dst = out.hlsv_queue();
    if (!dst.empty()) return;
    for (int k = 0; k < (RR ? 1 : N); ++k) {
      int i = (next_ + k) % N;
      ring<T>& src = in[i].hlsv_queue();
      if (!src.empty()) {
        dst.push_back(src.front());
        src.pop_front();
        next_ = (i + 1) % N;
        return;
      }
    }
  }

 private:
  int next_ = 0;
};
}  // namespace hlsv_rt

namespace split {
template <class T, int N_OUT, int IN_DEPTH = 2, int OUT_DEPTH = 2>
struct round_robin : hlsv_rt::split_channel<T, N_OUT, true, IN_DEPTH> {};
template <class T, int N_OUT, int IN_DEPTH = 2, int OUT_DEPTH = 2>
struct load_balance : hlsv_rt::split_channel<T, N_OUT, false, IN_DEPTH> {};
}  // namespace split

namespace merge {
template <class T, int N_IN, int IN_DEPTH = 2, int OUT_DEPTH = 2>
struct round_robin : hlsv_rt::merge_channel<T, N_IN, true, IN_DEPTH> {};
template <class T, int N_IN, int IN_DEPTH = 2, int OUT_DEPTH = 2>
struct load_balance : hlsv_rt::merge_channel<T, N_IN, false, IN_DEPTH> {};
}  // namespace merge
}  // namespace hls

#endif  // HLSV_HLS_NP_CHANNEL_H
