// hlsv -- hls_task.h : hls::task for C simulation (written for hlsv).
//
// hls::task t(func, args...) starts a free-running thread that calls
// func(args...) over and over (HLS tasks have no start/stop handshake).
// Arguments are passed by reference (they are hls::stream objects, which
// must outlive the task; use hls_thread_local for them as in Vitis).
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
}  // namespace hlsv_rt

class task {
 public:
  template <class F, class... Args> explicit task(F&& f, Args&&... args) {
    typedef typename std::decay<F>::type FD;
    start([fn = FD(std::forward<F>(f)), &args...]() mutable { fn(args...); });
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
