// hlsv -- etc/ap_utils.h : protocol helpers for C simulation (written for hlsv).
//
// ap_wait() / ap_wait_n(n) mark clock boundaries for synthesis in
// protocol-level (cycle-accurate) code; C simulation has no clock, so they
// do nothing.
#ifndef HLSV_AP_UTILS_H
#define HLSV_AP_UTILS_H

inline void ap_wait() {}
inline void ap_wait_n(int) {}

#endif  // HLSV_AP_UTILS_H
