// hlsv -- hls_directio.h : direct I/O ports for C simulation (written for
// hlsv from the behaviour UG1399 documents).
//
//   hls::ap_none<T>, hls::ap_vld<T>, hls::ap_ack<T>, hls::ap_hs<T>
//   (hls::direct_io<T, protocol> is the common template)
// In C simulation a direct I/O port is a FIFO between testbench and kernel,
// like hls::stream: write()/<< queue a value, read()/>> take the oldest one
// (blocking: aborts on an empty port without tasks, waits with tasks),
// read_nb()/write_nb() never block, valid() says a value is waiting, ready()
// that the last written value has been consumed.  An ap_none port has no
// handshake: read() of an empty port returns the last value read (a wire
// holds its value).
#ifndef HLSV_HLS_DIRECTIO_H
#define HLSV_HLS_DIRECTIO_H

#include "hls_stream.h"

namespace hls {
enum direct_io_protocol { DIO_AP_NONE, DIO_AP_VLD, DIO_AP_ACK, DIO_AP_HS };

template <class T, direct_io_protocol P> class direct_io : public hlsv_rt::channel_tag {
 public:
  direct_io() {}
  explicit direct_io(const char* name) : s_(name) {}
  void write(const T& v) { s_.write(v); }
  bool write_nb(const T& v) {
    s_.write(v);
    return true;
  }
  T read() {
    if (P == DIO_AP_NONE) {
      T v;
      if (s_.read_nb(v)) last_ = v;
      return last_;
    }
    return s_.read();
  }
  void read(T& v) { v = read(); }
  bool read_nb(T& v) {
    if (!s_.read_nb(v)) return false;
    last_ = v;
    return true;
  }
  bool valid() const { return !s_.empty(); }
  bool empty() const { return s_.empty(); }
  bool ready() const { return s_.empty(); }
  direct_io& operator<<(const T& v) {
    write(v);
    return *this;
  }
  direct_io& operator>>(T& v) {
    v = read();
    return *this;
  }

 private:
  stream<T> s_;
  T last_{};
};

template <class T> using ap_none = direct_io<T, DIO_AP_NONE>;
template <class T> using ap_vld = direct_io<T, DIO_AP_VLD>;
template <class T> using ap_ack = direct_io<T, DIO_AP_ACK>;
template <class T> using ap_hs = direct_io<T, DIO_AP_HS>;
}  // namespace hls

#endif  // HLSV_HLS_DIRECTIO_H
