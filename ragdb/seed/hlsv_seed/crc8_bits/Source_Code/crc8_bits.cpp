// CRC-8 (polynomial 0x07) over a byte block, bit-serial inside a pipelined byte loop, plus a
// parity word assembled from the top bits of each byte.
#include "ap_int.h"

#define BYTES 48

void crc8_bits(const ap_uint<8> data[BYTES], ap_uint<8>* crc_out, ap_uint<32>* parity_out) {
#pragma HLS INTERFACE m_axi port=data offset=slave bundle=gmem0 depth=48
#pragma HLS INTERFACE s_axilite port=crc_out
#pragma HLS INTERFACE s_axilite port=parity_out
#pragma HLS INTERFACE s_axilite port=return
    ap_uint<8> crc = 0xFF;
    ap_uint<32> parity = 0;

byte_loop:
    for (int i = 0; i < BYTES; i++) {
#pragma HLS PIPELINE II=1
        crc ^= data[i];
    bit_loop:
        for (int b = 0; b < 8; b++) {
#pragma HLS UNROLL
            bool top = crc[7];
            crc = crc << 1;
            if (top) {
                crc ^= 0x07;
            }
        }
        ap_uint<32> bit = data[i][7];
        parity ^= bit << (i % 32);
    }

    *crc_out = crc;
    *parity_out = parity;
}
