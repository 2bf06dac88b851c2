// axis_scale_tb.cpp - sends packets of two-lane beats and checks each lane.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "ap_int.h"
#include "ap_axi_sdata.h"
#include "hls_stream.h"

typedef ap_axiu<32, 0, 0, 0> pkt_t;
void axis_scale(hls::stream<pkt_t>& in, hls::stream<pkt_t>& out, ap_int<16> gain,
                ap_int<16> offset, int& beats);

static uint32_t seed;
static int rnd16() {
    seed = seed * 134775813u + 1u;
    return (int)(seed >> 16) - 32768;
}

static int ref_lane(int x, int gain, int offset) {
    long long y = (((long long)x * gain + 128) >> 8) + offset;
    if (y > 32767) y = 32767;
    if (y < -32768) y = -32768;
    return (int)y;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    const int gains[5] = {256, 384, -200, 4000, 1};
    const int offsets[5] = {0, -100, 1234, -32768, 32767};
    const int lens[5] = {8, 33, 16, 5, 1};
    for (int c = 0; c < 5; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 606u + (uint32_t)c * 1001u;
        hls::stream<pkt_t> in, out;
        int lanes[64][2];
        for (int i = 0; i < lens[c]; i++) {
            lanes[i][0] = rnd16();
            lanes[i][1] = (c == 0) ? -1 - i : rnd16();
            pkt_t p;
            p.data = ((uint32_t)(lanes[i][1] & 0xFFFF) << 16) | (uint32_t)(lanes[i][0] & 0xFFFF);
            p.keep = 0xF;
            p.strb = (i & 1) ? 0x3 : 0xF;
            p.last = (i == lens[c] - 1);
            in.write(p);
        }
        int beats = 0;
        axis_scale(in, out, ap_int<16>(gains[c]), ap_int<16>(offsets[c]), beats);
        printf("case %d beats %d\n", c, beats);
        if (beats != lens[c]) errors++;
        for (int i = 0; i < lens[c]; i++) {
            if (out.empty()) {
                errors++;
                printf("case %d output too short\n", c);
                break;
            }
            pkt_t q = out.read();
            int ylo = (int)(int16_t)(q.data.to_uint() & 0xFFFF);
            int yhi = (int)(int16_t)(q.data.to_uint() >> 16);
            int elo = ref_lane(lanes[i][0], gains[c], offsets[c]);
            int ehi = ref_lane(lanes[i][1], gains[c], offsets[c]);
            printf("case %d beat %d: %d %d strb %x last %d\n", c, i, ylo, yhi,
                   (unsigned)q.strb.to_uint(), (int)q.last.to_uint());
            if (ylo != elo || yhi != ehi || q.strb.to_uint() != ((i & 1) ? 0x3u : 0xFu) ||
                (q.last.to_uint() != 0) != (i == lens[c] - 1)) {
                printf("  MISMATCH expected %d %d\n", elo, ehi);
                errors++;
            }
        }
        if (!out.empty() || !in.empty()) errors++;
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
