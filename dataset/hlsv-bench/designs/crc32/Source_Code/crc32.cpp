// crc32.cpp - bitwise CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320)
// over an AXI4-Stream of 32-bit beats. TKEEP selects the valid bytes of each
// beat (little-endian byte order), TLAST ends the packet.
#include "ap_int.h"
#include "ap_axi_sdata.h"
#include "hls_stream.h"

#define CRC_POLY 0xEDB88320u

typedef ap_axiu<32, 0, 0, 0> beat_t;

static ap_uint<32> crc_byte(ap_uint<32> crc, ap_uint<8> byte) {
#pragma HLS inline
    crc ^= byte;
bit_loop:
    for (int k = 0; k < 8; k++) {
#pragma HLS unroll
        if (crc[0])
            crc = (crc >> 1) ^ CRC_POLY;
        else
            crc = crc >> 1;
    }
    return crc;
}

void crc32(hls::stream<beat_t>& in, ap_uint<32>& crc_out, int& nbytes) {
#pragma HLS INTERFACE axis port=in
#pragma HLS INTERFACE s_axilite port=crc_out
#pragma HLS INTERFACE s_axilite port=nbytes
#pragma HLS INTERFACE s_axilite port=return
    ap_uint<32> crc = 0xFFFFFFFF;
    int count = 0;
    bool last = false;

beat_loop:
    while (!last) {
#pragma HLS loop_tripcount min=1 max=64
#pragma HLS pipeline II=1
        beat_t beat = in.read();
    byte_loop:
        for (int b = 0; b < 4; b++) {
#pragma HLS unroll
            if (beat.keep[b]) {
                ap_uint<8> byte = beat.data >> (8 * b);
                crc = crc_byte(crc, byte);
                count++;
            }
        }
        last = beat.last;
    }
    crc_out = ~crc;
    nbytes = count;
}
