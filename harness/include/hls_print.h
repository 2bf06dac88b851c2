// hlsv -- hls_print.h : hls::print for C simulation (written for hlsv).
// hls::print(fmt) / hls::print(fmt, value) behave like printf with at most
// one argument (int, unsigned, long, long long, double, ... ; ap_int and
// ap_fixed arguments convert implicitly to their built-in counterparts).
#ifndef HLSV_HLS_PRINT_H
#define HLSV_HLS_PRINT_H

#include <cstdio>

namespace hls {
inline void print(const char* fmt) { std::fputs(fmt, stdout); }
#define HLSV_PRINT1(T) \
  inline void print(const char* fmt, T v) { std::printf(fmt, v); }
HLSV_PRINT1(int)
HLSV_PRINT1(unsigned)
HLSV_PRINT1(long)
HLSV_PRINT1(unsigned long)
HLSV_PRINT1(long long)
HLSV_PRINT1(unsigned long long)
HLSV_PRINT1(double)
HLSV_PRINT1(const char*)
#undef HLSV_PRINT1
inline void print(const char* fmt, float v) { std::printf(fmt, (double)v); }
}  // namespace hls

#endif  // HLSV_HLS_PRINT_H
