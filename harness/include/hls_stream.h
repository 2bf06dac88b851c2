// hlsv -- hls_stream.h : hls::stream<T> for C simulation (written for hlsv).
//
// * Unbounded FIFO (a growable ring buffer; <deque> is avoided on purpose to
//   keep C-simulation compile times low).  The optional depth parameter D
//   only affects full()/write_nb().
// * Reading an empty stream in a sequential (task-free) simulation is a
//   design/testbench bug: we print
//       hlsv: read from empty hls::stream '<name>'
//   to stderr and abort (std::abort), instead of silently returning a
//   default value.
// * Once an hls::task has been started (see hls_task.h) all stream
//   operations are protected by one global mutex, and reads of an empty
//   stream block on a condition variable until data arrives.  If every
//   participating thread (main thread + tasks) is blocked reading, the
//   simulation is deadlocked: we report it and abort.
// * hls::stream<T, N> derives from hls::stream<T> (binds to a `stream<T>&`).
// * Brings <cassert> (as the vendor's header does; testbenches rely on it).
// * Independent of ap_int.h; only cheap C headers are included.
#ifndef HLSV_HLS_STREAM_H
#define HLSV_HLS_STREAM_H

#include <pthread.h>

#include <cassert>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace hls {
namespace hlsv_rt {
struct state {
  pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
  int threads = 1;     // main thread + started tasks
  int blocked = 0;     // threads waiting in a blocking read
  int tasks = 0;       // tasks ever started (>0: concurrent mode)
  unsigned long epoch = 0;  // bumped on every write (progress marker)
};
inline state g_state;

inline bool concurrent() { return __atomic_load_n(&g_state.tasks, __ATOMIC_ACQUIRE) != 0; }

struct lock_guard {
  bool on;
  lock_guard() : on(concurrent()) {
    if (on) pthread_mutex_lock(&g_state.mu);
  }
  ~lock_guard() {
    if (on) pthread_mutex_unlock(&g_state.mu);
  }
  lock_guard(const lock_guard&) = delete;
  lock_guard& operator=(const lock_guard&) = delete;
};

// Called by hls::task before its thread starts.
inline void task_started() {
  pthread_mutex_lock(&g_state.mu);
  g_state.threads++;
  __atomic_store_n(&g_state.tasks, g_state.tasks + 1, __ATOMIC_RELEASE);
  pthread_mutex_unlock(&g_state.mu);
}

[[noreturn]] inline void empty_read(const char* name) {
  std::fprintf(stderr, "hlsv: read from empty hls::stream '%s'\n", name);
  std::fprintf(stderr,
               "hlsv: aborting C simulation: a blocking read of an empty stream would hang the hardware\n");
  std::fflush(nullptr);  // keep already-printed stdout
  std::abort();
}

[[noreturn]] inline void deadlock(const char* name) {
  std::fprintf(stderr, "hlsv: read from empty hls::stream '%s'\n", name);
  std::fprintf(stderr,
               "hlsv: deadlock: all %d threads (main + hls::task) are blocked reading empty streams; aborting\n",
               g_state.threads);
  std::fflush(nullptr);  // keep already-printed stdout
  std::abort();
}

// Growable ring buffer (element type must be default-constructible and
// assignable, as for hls::stream itself).
template <class T> class ring {
 public:
  ring() {}
  ~ring() { delete[] buf_; }
  ring(const ring&) = delete;
  ring& operator=(const ring&) = delete;
  bool empty() const { return n_ == 0; }
  size_t size() const { return n_; }
  T& front() { return buf_[head_]; }
  void push_back(const T& v) {
    if (n_ == cap_) grow();
    buf_[(head_ + n_) & (cap_ - 1)] = v;
    ++n_;
  }
  void pop_front() {
    head_ = (head_ + 1) & (cap_ - 1);
    --n_;
  }

 private:
  void grow() {
    size_t nc = cap_ ? cap_ * 2 : 16;
    T* nb = new T[nc];
    for (size_t i = 0; i < n_; ++i) nb[i] = static_cast<T&&>(buf_[(head_ + i) & (cap_ - 1)]);
    delete[] buf_;
    buf_ = nb;
    cap_ = nc;
    head_ = 0;
  }
  T* buf_ = nullptr;
  size_t cap_ = 0, head_ = 0, n_ = 0;
};

template <class S> struct has_c_str {
  template <class U> static char test(decltype(static_cast<const U*>(nullptr)->c_str())*);
  template <class U> static long test(...);
  static constexpr bool value = sizeof(test<S>(nullptr)) == 1;
};
template <bool B> struct enable_if_c {};
template <> struct enable_if_c<true> { typedef int type; };

inline char* dup_name(const char* n) {
  if (!n) n = "<unnamed>";
  size_t len = std::strlen(n);
  char* p = (char*)std::malloc(len + 1);
  if (p) std::memcpy(p, n, len + 1);
  return p;
}
// Channels that other channels feed lazily (hls_np_channel.h): before a read
// finds a stream empty it asks its feeder to move data in.  Called with the
// global mutex held in concurrent mode.
struct feeder {
  virtual ~feeder() {}
  virtual void feed(void* requester) = 0;
};
// Marks channel objects that hls::task shares by reference (streams, stream
// of blocks, split/merge channels); everything else is copied.
struct channel_tag {};
}  // namespace hlsv_rt

template <class T, int D = 0> class stream;

// Depth-0 stream: the full implementation.  stream<T, N> derives from it, so
// a depth-N stream binds to an `hls::stream<T>&` parameter as in Vitis.
template <class T> class stream<T, 0> : public hlsv_rt::channel_tag {
 public:
  stream() : q_(new hlsv_rt::ring<T>()), name_(hlsv_rt::dup_name(nullptr)) {}
  explicit stream(const char* name) : q_(new hlsv_rt::ring<T>()), name_(hlsv_rt::dup_name(name)) {}
  // accepts std::string (or anything with c_str()) without including <string>
  template <class Str, typename hlsv_rt::enable_if_c<hlsv_rt::has_c_str<Str>::value>::type = 0>
  explicit stream(const Str& name) : q_(new hlsv_rt::ring<T>()), name_(hlsv_rt::dup_name(name.c_str())) {}
  stream(const stream&) = delete;
  stream& operator=(const stream&) = delete;
  ~stream() {
    if (hlsv_rt::concurrent()) return;  // tasks may still reference us: leak on purpose
    if (!q_->empty())
      std::fprintf(stderr, "hlsv: warning: hls::stream '%s' destroyed with %zu leftover element(s)\n", name_,
                   q_->size());
    delete q_;
    std::free(name_);
  }

  const char* name() const { return name_; }

  bool empty() const {
    hlsv_rt::lock_guard g;
    pull();
    return q_->empty();
  }
  bool full() const {
    if (depth_ <= 0) return false;
    hlsv_rt::lock_guard g;
    return q_->size() >= (size_t)depth_;
  }
  size_t size() const {
    hlsv_rt::lock_guard g;
    pull();
    return q_->size();
  }
  int capacity() const { return depth_; }

  void write(const T& v) {
    if (!hlsv_rt::concurrent()) {
      q_->push_back(v);
      return;
    }
    pthread_mutex_lock(&hlsv_rt::g_state.mu);
    q_->push_back(v);
    hlsv_rt::g_state.epoch++;
    hlsv_rt::g_state.blocked = 0;
    pthread_cond_broadcast(&hlsv_rt::g_state.cv);
    pthread_mutex_unlock(&hlsv_rt::g_state.mu);
  }
  bool write_nb(const T& v) {
    if (full()) return false;
    write(v);
    return true;
  }

  T read() {
    if (!hlsv_rt::concurrent()) {
      pull();
      if (q_->empty()) hlsv_rt::empty_read(name_);
      T v(static_cast<T&&>(q_->front()));
      q_->pop_front();
      return v;
    }
    hlsv_rt::state& st = hlsv_rt::g_state;
    pthread_mutex_lock(&st.mu);
    pull();
    while (q_->empty()) {
      // Writers reset 'blocked' to 0 when they wake everybody up, so the
      // count only covers threads that have seen no progress since they
      // went to sleep.
      st.blocked++;
      if (st.blocked >= st.threads) {
        pthread_mutex_unlock(&st.mu);
        hlsv_rt::deadlock(name_);
      }
      unsigned long e = st.epoch;
      do {
        pthread_cond_wait(&st.cv, &st.mu);
      } while (st.epoch == e);
      pull();
    }
    T v(static_cast<T&&>(q_->front()));
    q_->pop_front();
    pthread_mutex_unlock(&st.mu);
    return v;
  }
  void read(T& v) { v = read(); }
  bool read_nb(T& v) {
    hlsv_rt::lock_guard g;
    pull();
    if (q_->empty()) return false;
    v = static_cast<T&&>(q_->front());
    q_->pop_front();
    return true;
  }
  stream& operator>>(T& v) {
    read(v);
    return *this;
  }
  stream& operator<<(const T& v) {
    write(v);
    return *this;
  }

  // hlsv internals (hls_np_channel.h): direct queue access under the lock.
  hlsv_rt::ring<T>& hlsv_queue() const { return *q_; }
  void hlsv_set_feeder(hlsv_rt::feeder* f) { feeder_ = f; }

 protected:
  void hlsv_set_depth(int d) { depth_ = d; }

 private:
  void pull() const {
    if (feeder_ && q_->empty()) feeder_->feed(const_cast<stream*>(this));
  }
  hlsv_rt::ring<T>* q_;
  char* name_;
  hlsv_rt::feeder* feeder_ = nullptr;
  int depth_ = 0;
};

// Depth-N stream (full() / write_nb() honour the depth; reads never block on
// a full stream in C simulation).  Vitis notes that C simulation does not
// model the depth: a design that needs more than N elements in flight works
// here but may deadlock in RTL; hlsv keeps the same behaviour.
template <class T, int D> class stream : public stream<T, 0> {
 public:
  stream() { this->hlsv_set_depth(D); }
  explicit stream(const char* name) : stream<T, 0>(name) { this->hlsv_set_depth(D); }
  template <class Str, typename hlsv_rt::enable_if_c<hlsv_rt::has_c_str<Str>::value>::type = 0>
  explicit stream(const Str& name) : stream<T, 0>(name) {
    this->hlsv_set_depth(D);
  }
};
}  // namespace hls

#endif  // HLSV_HLS_STREAM_H
