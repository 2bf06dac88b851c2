// hlsv -- hls_task.h : hls::task for C simulation (written for hlsv).
//
// hls::task t(func, args...) starts a free-running thread that calls
// func(args...) over and over (HLS tasks have no start/stop handshake).
// Channel arguments (hls::stream, arrays of streams, stream of blocks,
// split/merge channels) are shared by reference and must outlive the task
// (use hls_thread_local for them as in Vitis); scalars and pointers are
// copied when the task starts (Vitis "stable" inputs).
// Once a task exists, hls::stream switches to blocking, mutex-protected
// mode (see hls_stream.h), including deadlock detection.
//
// Threads are detached: when main() returns the process ends while tasks
// are typically blocked on empty input streams.  Streams never free their
// storage while tasks exist, so late wake-ups cannot touch freed memory.
#ifndef HLSV_HLS_TASK_H
#define HLSV_HLS_TASK_H

#include <pthread.h>

#include <cstdio>
#include <cstdlib>
#include <tuple>
#include <type_traits>
#include <utility>

#include "hls_stream.h"

#ifndef hls_thread_local
#define hls_thread_local thread_local
#endif

namespace hls {
namespace hlsv_rt {
struct task_body_base {
  virtual ~task_body_base() {}
  virtual void run() = 0;
};
template <class L> struct task_body : task_body_base {
  L fn;
  explicit task_body(const L& f) : fn(f) {}
  void run() override {
    for (;;) fn();
  }
};
inline void* task_entry(void* p) {
  static_cast<task_body_base*>(p)->run();
  return nullptr;
}
// How a task holds one argument: channels (streams, arrays of streams, stream
// of blocks, split/merge channels) are shared by reference, everything else
// (scalars, pointers, structs) is copied when the task starts, so a task
// started with a parameter of the top function never reads a dangling
// reference after the top returns.
template <class A, bool Shared = std::is_base_of<channel_tag, typename std::remove_all_extents<
                                                                  typename std::remove_reference<A>::type>::type>::value ||
                                 std::is_array<typename std::remove_reference<A>::type>::value>
struct task_arg {
  typedef typename std::remove_reference<A>::type R;
  R* p;
  explicit task_arg(R& r) : p(&r) {}
  R& get() { return *p; }
};
template <class A> struct task_arg<A, false> {
  typename std::decay<A>::type v;
  explicit task_arg(const typename std::decay<A>::type& x) : v(x) {}
  typename std::decay<A>::type& get() { return v; }
};
template <class F, class... H> struct task_call {
  F fn;
  std::tuple<H...> args;
  template <size_t... I> void call(std::index_sequence<I...>) { fn(std::get<I>(args).get()...); }
  void operator()() { call(std::index_sequence_for<H...>()); }
};
}  // namespace hlsv_rt

class task : public hlsv_rt::channel_tag {
 public:
  // Vitis also allows `hls_thread_local hls::task t[N];` started later with
  // `t[i](func, args...)`.
  task() {}
  template <class F, class... Args> explicit task(F&& f, Args&&... args) {
    (*this)(std::forward<F>(f), std::forward<Args>(args)...);
  }
  template <class F, class... Args> void operator()(F&& f, Args&&... args) {
    typedef hlsv_rt::task_call<typename std::decay<F>::type, hlsv_rt::task_arg<Args&>...> L;
    start(L{std::forward<F>(f), std::tuple<hlsv_rt::task_arg<Args&>...>(hlsv_rt::task_arg<Args&>(args)...)});
  }
  task(const task&) = delete;
  task& operator=(const task&) = delete;
  ~task() {}  // detached; see header comment

 private:
  template <class L> void start(const L& l) {
    hlsv_rt::task_started();
    auto* body = new hlsv_rt::task_body<L>(l);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    if (pthread_create(&th, &attr, &hlsv_rt::task_entry, body) != 0) {
      std::fprintf(stderr, "hlsv: cannot start hls::task thread\n");
      std::abort();
    }
    pthread_attr_destroy(&attr);
  }
};
}  // namespace hls

#endif  // HLSV_HLS_TASK_H
