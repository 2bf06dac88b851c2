// hlsv -- ap_axi_sdata.h : AXI4-Stream side-channel structs (written for hlsv).
//
// ap_axis<D,U,TI,TD>  : signed data   (ap_int<D>)
// ap_axiu<D,U,TI,TD>  : unsigned data (ap_uint<D>)
// hls::axis<T,U,TI,TD>: arbitrary data type T
// Members: data, keep, strb, user, last, id, dest.  keep/strb have one bit per
// data byte.  Zero-width side channels (U/TI/TD == 0) become an empty
// placeholder that reads as 0 and ignores writes, so code written for any
// configuration compiles.
#ifndef HLSV_AP_AXI_SDATA_H
#define HLSV_AP_AXI_SDATA_H

#include "ap_int.h"

namespace hlsv_ap {
struct ap_zero_width {
  constexpr ap_zero_width() {}
  template <class T> constexpr ap_zero_width(const T&) {}
  template <class T> ap_zero_width& operator=(const T&) { return *this; }
  constexpr operator unsigned() const { return 0; }
  int to_int() const { return 0; }
  unsigned to_uint() const { return 0; }
  unsigned long long to_uint64() const { return 0; }
  constexpr int length() const { return 0; }
};
template <int W> struct axi_field { typedef ap_uint<W> type; };
template <> struct axi_field<0> { typedef ap_zero_width type; };
template <class T, class = void> struct bit_width { static constexpr int value = (int)sizeof(T) * 8; };
template <class T> struct bit_width<T, typename std::enable_if<(T::width > 0)>::type> {
  static constexpr int value = T::width;
};
}  // namespace hlsv_ap

template <int D, int U = 0, int TI = 0, int TD = 0> struct ap_axis {
  ap_int<D> data;
  ap_uint<(D + 7) / 8> keep;
  ap_uint<(D + 7) / 8> strb;
  typename hlsv_ap::axi_field<U>::type user;
  ap_uint<1> last;
  typename hlsv_ap::axi_field<TI>::type id;
  typename hlsv_ap::axi_field<TD>::type dest;
};

template <int D, int U = 0, int TI = 0, int TD = 0> struct ap_axiu {
  ap_uint<D> data;
  ap_uint<(D + 7) / 8> keep;
  ap_uint<(D + 7) / 8> strb;
  typename hlsv_ap::axi_field<U>::type user;
  ap_uint<1> last;
  typename hlsv_ap::axi_field<TI>::type id;
  typename hlsv_ap::axi_field<TD>::type dest;
};

namespace hls {
template <class T, int U = 0, int TI = 0, int TD = 0> struct axis {
  static constexpr int NB = (hlsv_ap::bit_width<T>::value + 7) / 8;
  T data;
  ap_uint<NB> keep;
  ap_uint<NB> strb;
  typename hlsv_ap::axi_field<U>::type user;
  ap_uint<1> last;
  typename hlsv_ap::axi_field<TI>::type id;
  typename hlsv_ap::axi_field<TD>::type dest;
  T get_data() const { return data; }
  void set_data(const T& d) { data = d; }
  bool get_last() const { return last != 0; }
  void set_last(bool l) { last = l; }
};
}  // namespace hls

#endif  // HLSV_AP_AXI_SDATA_H
