// embedding_bag_tb.cpp - self-checking testbench for embedding_bag: random
// tables and bag layouts (empty bags, one long bag, saturating sums) against a
// plain C++ model.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include "embedding_bag.h"

static uint32_t rng;
static uint32_t xorshift() {
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    const int bags_of[5] = {8, 3, 1, 8, 5};
    for (int c = 0; c < 5; c++) {
        if (sel >= 0 && c != sel) continue;
        rng = 0xC0FFEEu + (uint32_t)c * 2654435761u;
        static row_t table[EB_VOCAB];
        static int lanes[EB_VOCAB][EB_DIM];
        for (int v = 0; v < EB_VOCAB; v++) {
            uint32_t word = 0;
            for (int d = 0; d < EB_DIM; d++) {
                int x = (c == 3) ? 127 - (v & 1) * 255 : (int)(xorshift() & 0xFF) - 128;
                lanes[v][d] = x;
                word |= (uint32_t)(x & 0xFF) << (8 * d);
            }
            table[v] = word;
        }
        int n_bags = bags_of[c];
        static token_t ids[EB_MAX_TOKENS + 2];
        static weight_t weights[EB_MAX_TOKENS + 2];
        static int id_ref[EB_MAX_TOKENS], w_ref[EB_MAX_TOKENS];
        for (int k = 0; k < EB_MAX_TOKENS + 2; k++) {
            int id = (c == 3) ? 2 * (k % 3) + ((k / 20) & 1) : (int)(xorshift() % EB_VOCAB);
            int w = (int)(xorshift() % 16);
            if (c == 3) w = 15;
            if (k < EB_MAX_TOKENS) {
                id_ref[k] = id;
                w_ref[k] = w;
            }
            ids[k] = id;
            weights[k] = w;
        }
        ap_uint<8> bag_end[EB_MAX_BAGS];
        int ends[EB_MAX_BAGS];
        int pos = 0;
        for (int b = 0; b < n_bags; b++) {
            int len = (int)(xorshift() % 13);
            if (c == 0 && b == 2) len = 0;           // an empty bag
            if (c == 2) len = EB_MAX_TOKENS;         // one bag with every token
            if (c == 3) len = 20;                    // sums that saturate
            if (pos + len > EB_MAX_TOKENS) len = EB_MAX_TOKENS - pos;
            pos += len;
            ends[b] = pos;
            bag_end[b] = pos;
        }
        static pooled_t out[EB_MAX_BAGS + 1][EB_DIM];
        for (int b = 0; b <= EB_MAX_BAGS; b++)
            for (int d = 0; d < EB_DIM; d++) out[b][d] = 0x5555;
        embedding_bag(ids, weights, bag_end, table, out, n_bags);
        int start = 0;
        uint32_t checksum = 0;
        for (int b = 0; b < n_bags; b++) {
            for (int d = 0; d < EB_DIM; d++) {
                long ref = 0;
                for (int k = start; k < ends[b]; k++) ref += (long)lanes[id_ref[k]][d] * w_ref[k];
                if (ref > 32767) ref = 32767;
                if (ref < -32768) ref = -32768;
                int got = out[b][d].to_int();
                checksum = checksum * 33u + (uint32_t)(got & 0xFFFF);
                if (got != ref) {
                    printf("case %d bag %d lane %d: got %d expected %ld\n", c, b, d, got, ref);
                    errors++;
                }
            }
            start = ends[b];
        }
        printf("case %d bags %d tokens %d checksum %08x\n", c, n_bags, start, (unsigned)checksum);
        for (int b = n_bags; b <= EB_MAX_BAGS; b++)
            for (int d = 0; d < EB_DIM; d++)
                if (out[b][d].to_int() != 0x5555) {
                    printf("case %d bag %d lane %d written past the last bag\n", c, b, d);
                    errors++;
                }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
