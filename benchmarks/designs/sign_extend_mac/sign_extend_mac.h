// sign_extend_mac.h - quantized fully-connected layer with packed int4 weights.
#ifndef SIGN_EXTEND_MAC_H
#define SIGN_EXTEND_MAC_H

#include "ap_int.h"

#define SX_IN 16
#define SX_OUT 6
#define SX_PACKED (SX_IN / 2)
#define SX_ZERO_POINT 128
#define SX_MULT 45
#define SX_SHIFT 10

typedef ap_uint<8> act_t;    // unsigned activations with zero point 128
typedef ap_uint<8> wpack_t;  // two signed 4-bit weights: low nibble = even input
typedef ap_int<8> qout_t;    // signed 8-bit output
typedef ap_int<16> qbias_t;

void sign_extend_mac(const act_t x[SX_IN], const wpack_t w[SX_OUT][SX_PACKED],
                     const qbias_t bias[SX_OUT], qout_t y[SX_OUT]);

#endif
