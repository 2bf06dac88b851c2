// hlsv -- hls_fft.h : functional model of the FFT IP for C simulation
// (written for hlsv from the interface UG1399 documents; no vendor code).
//
//   struct cfg : hls::ip_fft::params_t { static const unsigned max_nfft = 10; ... };
//   hls::ip_fft::config_t<cfg> c;  c.setDir(1); c.setSch(0x2AB); c.setNfft(8);
//   hls::ip_fft::status_t<cfg> s;
//   hls::fft<cfg>(xn, xk, &s, &c);      // arrays of std::complex<ap_fixed<..>> or std::complex<float>
//   s.getOvflo(); s.getBlkExp();
//
// Model: a double-precision radix-2 FFT of the N = 2^nfft inputs (nfft from
// config when has_nfft, else max_nfft); dir 1 = forward (e^-j), 0 = inverse
// (e^+j, no 1/N).  scaled: the result is divided by 2^(sum of the schedule's
// 2-bit fields, one per radix-4 stage, or per stage for the radix-2
// architectures); unscaled: no scaling; block_floating_point: divided by the
// smallest 2^blk_exp that brings every component into [-1, 1), reported by
// getBlkExp().  Outputs are in natural or bit-reversed order (ordering_opt)
// and converted to the output element type (ap_fixed rules: truncation and
// wrap unless the type says otherwise); getOvflo() is 1 when a scaled result
// does not fit the output type.
// Accuracy: before that conversion, outputs equal a double-precision DFT to
// about 1e-12 relative; after it, to the output type's quantisation (1 LSB
// for truncation).  The IP's own fixed-point butterflies add rounding noise
// of a few LSBs that this model does not reproduce (not bit-exact).
#ifndef HLSV_HLS_FFT_H
#define HLSV_HLS_FFT_H

#include <cmath>
#include <complex>
#include <vector>

#include "ap_fixed.h"

namespace hls {
namespace ip_fft {
enum ordering { bit_reversed_order = 0, natural_order };
enum scaling { scaled = 0, unscaled, block_floating_point };
enum rounding { truncation = 0, convergent_rounding };
enum mem { block_ram = 0, distributed_ram };
enum opt { use_luts = 0, use_mults_resources, use_mults_performance, use_xtremedsp_slices };
enum type { fixed_point = 0, floating_point };
enum arch {
  radix_4_burst_io = 1,
  radix_2_burst_io,
  pipelined_streaming_io,
  radix_2_lite_burst_io,
  automatically_select
};

struct params_t {
  static const unsigned input_width = 16;
  static const unsigned output_width = 16;
  static const unsigned status_width = 8;
  static const unsigned config_width = 16;
  static const unsigned max_nfft = 10;
  static const bool has_nfft = false;
  static const unsigned channels = 1;
  static const unsigned arch_opt = pipelined_streaming_io;
  static const unsigned phase_factor_width = 16;
  static const unsigned ordering_opt = bit_reversed_order;
  static const bool ovflo = true;
  static const bool xk_index = false;
  static const bool cyclic_prefix_insertion = false;
  static const unsigned cyclic_prefix_length = 0;
  static const unsigned scaling_opt = scaled;
  static const unsigned rounding_opt = truncation;
  static const unsigned mem_data = block_ram;
  static const unsigned mem_phase_factors = block_ram;
  static const unsigned mem_reorder = block_ram;
  static const unsigned stages_block_ram = 0;
  static const bool mem_hybrid = false;
  static const unsigned complex_mult_type = use_mults_resources;
  static const unsigned butterfly_type = use_luts;
  static const bool use_native_float = false;
};

template <class P> class config_t {
 public:
  config_t() : dir_(1), sch_(0), nfft_(P::max_nfft), cp_len_(0) {}
  void setDir(bool d, unsigned = 0) { dir_ = d; }
  bool getDir(unsigned = 0) const { return dir_; }
  void setSch(unsigned s, unsigned = 0) { sch_ = s; }
  unsigned getSch(unsigned = 0) const { return sch_; }
  void setNfft(unsigned n) { nfft_ = n; }
  unsigned getNfft() const { return nfft_; }
  void setCpLen(unsigned c) { cp_len_ = c; }
  unsigned getCpLen() const { return cp_len_; }
  bool getErr() const { return false; }

 private:
  bool dir_;
  unsigned sch_, nfft_, cp_len_;
};

template <class P> class status_t {
 public:
  bool getOvflo(unsigned = 0) const { return ovflo_; }
  unsigned getBlkExp(unsigned = 0) const { return blk_exp_; }
  void setOvflo(bool o) { ovflo_ = o; }
  void setBlkExp(unsigned e) { blk_exp_ = e; }

 private:
  bool ovflo_ = false;
  unsigned blk_exp_ = 0;
};
}  // namespace ip_fft

namespace hlsv_rt {
inline unsigned bit_reverse(unsigned k, unsigned bits) {
  unsigned r = 0;
  for (unsigned b = 0; b < bits; ++b) r |= ((k >> b) & 1u) << (bits - 1 - b);
  return r;
}
// In-place double-precision radix-2 FFT (sign -1 forward, +1 inverse).
inline void fft_double(std::vector<std::complex<double>>& a, unsigned bits, int sign) {
  unsigned n = 1u << bits;
  for (unsigned i = 0; i < n; ++i) {
    unsigned j = bit_reverse(i, bits);
    if (i < j) std::swap(a[i], a[j]);
  }
  const double pi = 3.14159265358979323846;
  for (unsigned len = 2; len <= n; len <<= 1) {
    for (unsigned i = 0; i < n; i += len) {
      for (unsigned k = 0; k < len / 2; ++k) {
        std::complex<double> w = std::polar(1.0, sign * 2 * pi * k / len);
        std::complex<double> u = a[i + k], v = a[i + k + len / 2] * w;
        a[i + k] = u + v;
        a[i + k + len / 2] = u - v;
      }
    }
  }
}
template <class C> double cre(const C& c) { return (double)c.real(); }
template <class C> double cim(const C& c) { return (double)c.imag(); }
}  // namespace hlsv_rt

template <class P, class TI, class TO>
void fft(TI* xn, TO* xk, ip_fft::status_t<P>* status, ip_fft::config_t<P>* config) {
  unsigned bits = P::has_nfft ? config->getNfft() : P::max_nfft;
  unsigned n = 1u << bits;
  std::vector<std::complex<double>> a(n);
  for (unsigned i = 0; i < n; ++i) a[i] = std::complex<double>(hlsv_rt::cre(xn[i]), hlsv_rt::cim(xn[i]));
  hlsv_rt::fft_double(a, bits, config->getDir() ? -1 : 1);
  double scale = 1;
  unsigned blk_exp = 0;
  if (P::scaling_opt == ip_fft::scaled) {
    bool radix2 = P::arch_opt == ip_fft::radix_2_burst_io || P::arch_opt == ip_fft::radix_2_lite_burst_io;
    unsigned stages = radix2 ? bits : (bits + 1) / 2, sch = config->getSch(), shift = 0;
    for (unsigned s = 0; s < stages; ++s) shift += (sch >> (2 * s)) & 3u;
    scale = std::ldexp(1.0, -(int)shift);
  } else if (P::scaling_opt == ip_fft::block_floating_point) {
    double m = 0;
    for (auto& c : a) m = std::fmax(m, std::fmax(std::fabs(c.real()), std::fabs(c.imag())));
    while (std::ldexp(m, -(int)blk_exp) >= 1.0) ++blk_exp;
    scale = std::ldexp(1.0, -(int)blk_exp);
  }
  typedef typename TO::value_type OT;
  bool ovflo = false;
  for (unsigned k = 0; k < n; ++k) {
    unsigned src = P::ordering_opt == ip_fft::natural_order ? k : hlsv_rt::bit_reverse(k, bits);
    double re = a[src].real() * scale, im = a[src].imag() * scale;
    OT ore(re), oim(im);
    // out of range when the conversion moved the value by a whole unit or more
    if (std::fabs((double)ore - re) >= 1.0 || std::fabs((double)oim - im) >= 1.0) ovflo = true;
    xk[k] = TO(ore, oim);
  }
  if (status) {
    status->setOvflo(P::scaling_opt == ip_fft::scaled && ovflo);
    status->setBlkExp(blk_exp);
  }
}
}  // namespace hls

#endif  // HLSV_HLS_FFT_H
