// hlsv -- hls_fir.h : functional model of the FIR Compiler IP for C
// simulation (written for hlsv from the interface UG1399 documents; no
// vendor code).
//
//   struct cfg : hls::ip_fir::params_t {
//     static const double coeff_vec[N];
//     static const unsigned num_coeffs = N, input_length = L, output_length = L;
//   };
//   static hls::FIR<cfg> fir;   fir.run(in, out);   // arrays of data types
//
// Model: a direct-form filter y[n] = sum_k c[k] * x[n-k] evaluated in double,
// whose input history persists across run() calls, as the IP's does.
// filter_type decimation keeps the outputs of inputs 0, D, 2D, ...; interpolation
// inserts interp_rate-1 zeros after each input (output_length = interp_rate *
// input_length).  num_channels > 1: interleaved samples, one history per
// channel.  coeff_sets > 1: run(in, out, &config) selects the set written
// with config_t::setCoeffSet().  Coefficients: integer_coefficients use
// coeff_vec as given; quantize_only and maximize_dynamic_range round them to
// coeff_width bits with coeff_fractional_bits fraction bits (no rescaling).
// Outputs are converted to the output element type (ap_fixed rules), so the
// output type carries the IP's output width and rounding.
// Accuracy: exact to double precision before the output conversion (the IP
// is exact in full precision mode, so results agree to the output type's
// quantisation, 1 LSB with truncation).
#ifndef HLSV_HLS_FIR_H
#define HLSV_HLS_FIR_H

#include <cmath>
#include <vector>

namespace hls {
namespace ip_fir {
enum filter_type { single_rate = 0, interpolation, decimation, hilbert, interpolated };
enum rate_change_type { integer = 0, fixed_fractional };
enum chan_seq { basic = 0, advanced };
enum rate_specification { frequency = 0, input_period, output_period };
enum value_sign { value_signed = 0, value_unsigned };
enum quantization { integer_coefficients = 0, quantize_only, maximize_dynamic_range };
enum coeff_structure { inferred = 0, non_symmetric, symmetric, negative_symmetric, half_band, hilbert_structure };
enum output_rounding_mode {
  full_precision = 0,
  truncate_lsbs,
  non_symmetric_rounding_down,
  non_symmetric_rounding_up,
  symmetric_rounding_to_zero,
  symmetric_rounding_to_infinity,
  convergent_rounding_to_even,
  convergent_rounding_to_odd
};
enum filter_arch { systolic_multiply_accumulate = 0, transpose_multiply_accumulate };
enum optimization_goal { area = 0, speed };
enum config_sync_mode { on_vector = 0, on_packet };
enum config_method { single = 0, by_channel };

struct params_t {
  static const unsigned input_width = 16;
  static const unsigned input_fractional_bits = 0;
  static const unsigned output_width = 24;
  static const unsigned output_fractional_bits = 0;
  static const unsigned coeff_width = 16;
  static const unsigned coeff_fractional_bits = 0;
  static const unsigned num_coeffs = 21;
  static const unsigned coeff_sets = 1;
  static const unsigned input_length = 21;
  static const unsigned output_length = 21;
  static const unsigned num_channels = 1;
  static const unsigned total_num_coeff = num_coeffs * coeff_sets;
  static const unsigned filter_type = single_rate;
  static const unsigned rate_change = integer;
  static const unsigned interp_rate = 1;
  static const unsigned decim_rate = 1;
  static const unsigned zero_pack_factor = 1;
  static const unsigned rate_specification = frequency;
  static const unsigned hardware_oversampling_rate = 1;
  static const unsigned sample_period = 1;
  static constexpr double sample_frequency = 0.001;
  static const unsigned quantization = integer_coefficients;
  static const bool best_precision = false;
  static const unsigned coeff_structure = non_symmetric;
  static const unsigned output_rounding_mode = full_precision;
  static const unsigned filter_arch = systolic_multiply_accumulate;
  static const unsigned optimization_goal = area;
  static const unsigned inter_column_pipe_length = 4;
  static const unsigned column_config = 1;
  static const unsigned config_method = single;
  static const bool coeff_padding = false;
  static const unsigned num_paths = 1;
  static const unsigned data_sign = value_signed;
  static const unsigned coeff_sign = value_signed;
};

template <class P> class config_t {
 public:
  void setCoeffSet(unsigned s) { set_ = s; }
  unsigned getCoeffSet() const { return set_; }

 private:
  unsigned set_ = 0;
};
}  // namespace ip_fir

template <class P> class FIR {
 public:
  FIR() : hist_(P::num_channels, std::vector<double>(P::num_coeffs, 0.0)), pos_(P::num_channels, 0) {}

  template <class TI, class TO> void run(const TI* in, TO* out) { run_set(in, out, 0); }
  template <class TI, class TO> void run(const TI* in, TO* out, ip_fir::config_t<P>* cfg) {
    run_set(in, out, cfg ? cfg->getCoeffSet() : 0);
  }

 private:
  static double coeff(unsigned set, unsigned k) {
    double c = P::coeff_vec[(set % P::coeff_sets) * P::num_coeffs + k];
    if (P::quantization == ip_fir::integer_coefficients) return c;
    double q = std::ldexp(1.0, (int)P::coeff_fractional_bits);
    double lim = std::ldexp(1.0, (int)P::coeff_width - 1);
    double r = std::nearbyint(c * q);
    if (r > lim - 1) r = lim - 1;
    if (r < -lim) r = -lim;
    return r / q;
  }
  // one new sample into channel ch's history; returns the filter output
  double step(unsigned ch, double x, unsigned set) {
    std::vector<double>& h = hist_[ch];
    unsigned n = P::num_coeffs;
    pos_[ch] = (pos_[ch] + n - 1) % n;
    h[pos_[ch]] = x;
    double acc = 0;
    for (unsigned k = 0; k < n; ++k) acc += coeff(set, k) * h[(pos_[ch] + k) % n];
    return acc;
  }
  template <class TI, class TO> void run_set(const TI* in, TO* out, unsigned set) {
    const unsigned C = P::num_channels;
    unsigned frames = P::input_length / C;
    for (unsigned f = 0; f < frames; ++f) {
      for (unsigned ch = 0; ch < C; ++ch) {
        double x = (double)in[f * C + ch];
        if (P::filter_type == ip_fir::interpolation) {
          for (unsigned r = 0; r < P::interp_rate; ++r) {
            double y = step(ch, r == 0 ? x : 0.0, set);
            unsigned idx = (f * P::interp_rate + r) * C + ch;
            if (idx < P::output_length) out[idx] = TO(y);
          }
        } else if (P::filter_type == ip_fir::decimation) {
          double y = step(ch, x, set);
          if (f % P::decim_rate == 0) {
            unsigned idx = (f / P::decim_rate) * C + ch;
            if (idx < P::output_length) out[idx] = TO(y);
          }
        } else {
          double y = step(ch, x, set);
          if (f * C + ch < P::output_length) out[f * C + ch] = TO(y);
        }
      }
    }
  }
  std::vector<std::vector<double>> hist_;
  std::vector<unsigned> pos_;
};
}  // namespace hls

#endif  // HLSV_HLS_FIR_H
