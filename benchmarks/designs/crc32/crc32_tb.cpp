// crc32_tb.cpp - streams byte strings through crc32 and compares with a
// table-driven software CRC-32.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include "ap_int.h"
#include "ap_axi_sdata.h"
#include "hls_stream.h"

typedef ap_axiu<32, 0, 0, 0> beat_t;
void crc32(hls::stream<beat_t>& in, ap_uint<32>& crc_out, int& nbytes);

static uint32_t table[256];
static void make_table() {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = (c & 1) ? (0xEDB88320u ^ (c >> 1)) : (c >> 1);
        table[n] = c;
    }
}
static uint32_t ref_crc(const uint8_t* p, int len) {
    uint32_t c = 0xFFFFFFFFu;
    for (int i = 0; i < len; i++) c = table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static uint32_t seed;
static uint8_t rnd_byte() {
    seed = seed * 1103515245u + 12345u;
    return (uint8_t)(seed >> 16);
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    make_table();
    const int lens[6] = {9, 1, 4, 63, 200, 7};
    for (int c = 0; c < 6; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 31337u + (uint32_t)c;
        uint8_t msg[256];
        int len = lens[c];
        if (c == 0) memcpy(msg, "123456789", 9);  // check value 0xCBF43926
        else if (c == 2) for (int i = 0; i < len; i++) msg[i] = 0xFF;
        else for (int i = 0; i < len; i++) msg[i] = rnd_byte();
        hls::stream<beat_t> s;
        for (int i = 0; i < len; i += 4) {
            beat_t b;
            b.data = 0;
            b.keep = 0;
            b.strb = 0;
            for (int k = 0; k < 4 && i + k < len; k++) {
                b.data.range(8 * k + 7, 8 * k) = msg[i + k];
                b.keep[k] = 1;
                b.strb[k] = 1;
            }
            b.last = (i + 4 >= len) ? 1 : 0;
            s.write(b);
        }
        ap_uint<32> crc = 0;
        int nbytes = -1;
        crc32(s, crc, nbytes);
        uint32_t expect = ref_crc(msg, len);
        printf("case %d len %d crc %08x bytes %d\n", c, len, (unsigned)crc.to_uint(), nbytes);
        if (crc.to_uint() != expect || nbytes != len) {
            printf("  MISMATCH expected %08x\n", (unsigned)expect);
            errors++;
        }
        if (!s.empty()) {
            printf("  stream not drained\n");
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
