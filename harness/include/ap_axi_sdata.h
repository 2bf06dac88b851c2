// hlsv -- ap_axi_sdata.h : AXI4-Stream side-channel structs (written for hlsv).
//
// ap_axis<D,U,TI,TD>  : signed data   (ap_int<D>)
// ap_axiu<D,U,TI,TD>  : unsigned data (ap_uint<D>)
// hls::axis<T,U,TI,TD,Enable,Strict>: arbitrary data type T (void: no data)
// hls::axis_data<T, Enable>, hls::axis_user<WUser, Enable>: shorthands
// Members: data, keep, strb, user, last, id, dest.  keep/strb have one bit per
// data byte.  Zero-width side channels (U/TI/TD == 0) become an empty
// placeholder that reads as 0 and ignores writes, so code written for any
// configuration compiles.
#ifndef HLSV_AP_AXI_SDATA_H
#define HLSV_AP_AXI_SDATA_H

#include <cstddef>
#include <cstdint>

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

// Side-channel enables of hls::axis (EnableSignals).  They only decide which
// RTL signals synthesis generates; in C simulation every member exists.
#ifndef AXIS_ENABLE_DATA
#define AXIS_ENABLE_DATA 0b00000001
#define AXIS_ENABLE_DEST 0b00000010
#define AXIS_ENABLE_ID 0b00000100
#define AXIS_ENABLE_KEEP 0b00001000
#define AXIS_ENABLE_LAST 0b00010000
#define AXIS_ENABLE_STRB 0b00100000
#define AXIS_ENABLE_USER 0b01000000
#define AXIS_ENABLE_SIDE_CHANNEL 0b01111110
#define AXIS_ENABLE_ALL 0b01111111
#define AXIS_DISABLE_ALL 0
#endif

namespace hlsv_ap {
struct axis_no_data {
  constexpr axis_no_data() {}
  template <class T> constexpr axis_no_data(const T&) {}
  static constexpr int width = 0;
};
template <class T> struct axis_data_t { typedef T type; };
template <> struct axis_data_t<void> { typedef axis_no_data type; };
template <class T> struct axis_bytes {
  static constexpr int value = (bit_width<T>::value + 7) / 8 > 0 ? (bit_width<T>::value + 7) / 8 : 1;
};
template <> struct axis_bytes<void> { static constexpr int value = 1; };
}  // namespace hlsv_ap

namespace hls {
// hls::axis<T, WUser, WId, WDest, EnableSignals, StrictEnablement>; T = void
// gives a stream word without data (only side channels, e.g. axis_user).
template <class T, std::size_t WUser = 0, std::size_t WId = 0, std::size_t WDest = 0,
          uint8_t EnableSignals = (AXIS_ENABLE_KEEP | AXIS_ENABLE_LAST | AXIS_ENABLE_STRB),
          bool StrictEnablement = false>
struct axis {
  static constexpr int NB = hlsv_ap::axis_bytes<T>::value;
  typedef typename hlsv_ap::axis_data_t<T>::type Data;
  Data data;
  ap_uint<NB> keep;
  ap_uint<NB> strb;
  typename hlsv_ap::axi_field<(int)WUser>::type user;
  ap_uint<1> last;
  typename hlsv_ap::axi_field<(int)WId>::type id;
  typename hlsv_ap::axi_field<(int)WDest>::type dest;

  Data get_data() const { return data; }
  void set_data(const Data& d) { data = d; }
  ap_uint<NB> get_keep() const { return keep; }
  void set_keep(const ap_uint<NB>& k) { keep = k; }
  ap_uint<NB> get_strb() const { return strb; }
  void set_strb(const ap_uint<NB>& s) { strb = s; }
  typename hlsv_ap::axi_field<(int)WUser>::type get_user() const { return user; }
  template <class V> void set_user(const V& u) { user = u; }
  bool get_last() const { return last != 0; }
  void set_last(bool l) { last = l; }
  typename hlsv_ap::axi_field<(int)WId>::type get_id() const { return id; }
  template <class V> void set_id(const V& i) { id = i; }
  typename hlsv_ap::axi_field<(int)WDest>::type get_dest() const { return dest; }
  template <class V> void set_dest(const V& d) { dest = d; }
};

// Shorthands: only data, or only a TUSER side channel.
template <class T, uint8_t EnableSignals = (AXIS_ENABLE_KEEP | AXIS_ENABLE_LAST | AXIS_ENABLE_STRB),
          bool StrictEnablement = false>
using axis_data = axis<T, 0, 0, 0, EnableSignals, StrictEnablement>;
template <std::size_t WUser, uint8_t EnableSignals = (AXIS_ENABLE_KEEP | AXIS_ENABLE_LAST | AXIS_ENABLE_STRB),
          bool StrictEnablement = false>
using axis_user = axis<void, WUser, 0, 0, EnableSignals, StrictEnablement>;
}  // namespace hls

#endif  // HLSV_AP_AXI_SDATA_H
