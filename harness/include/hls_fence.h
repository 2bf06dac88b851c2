// hlsv -- hls_fence.h : hls::fence for C simulation (written for hlsv from
// the behaviour UG1399 documents).
//
//   hls::fence(a, b, ...);          full fence
//   hls::fence({a, b}, {c, d});     half fence
// A fence only constrains how synthesis schedules accesses; C simulation
// runs the program in source order anyway, so both forms do nothing here.
#ifndef HLSV_HLS_FENCE_H
#define HLSV_HLS_FENCE_H

namespace hls {
namespace hlsv_rt {
struct fence_set {
  template <class... T> fence_set(const T&...) {}
};
}  // namespace hlsv_rt
template <class... T> inline void fence(const T&...) {}
inline void fence(hlsv_rt::fence_set, hlsv_rt::fence_set) {}
}  // namespace hls

#endif  // HLSV_HLS_FENCE_H
