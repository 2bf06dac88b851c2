// run_length_enc_tb.cpp - encodes byte strings, checks tokens against a
// reference encoder and decodes them back.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <vector>
#include "ap_int.h"
#include "hls_stream.h"

void run_length_enc(hls::stream<ap_uint<8>>& in, hls::stream<ap_uint<16>>& out, int n, int& ntokens);

static uint32_t seed;
static uint32_t rnd() {
    seed = seed * 1103515245u + 12345u;
    return seed >> 16;
}

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    const int lens[6] = {40, 600, 1, 100, 0, 300};
    for (int c = 0; c < 6; c++) {
        if (sel >= 0 && c != sel) continue;
        seed = 5u + 55u * (uint32_t)c;
        int n = lens[c];
        std::vector<int> data(n);
        for (int i = 0; i < n; i++) {
            if (c == 0) data[i] = (int)(rnd() % 3);
            else if (c == 1) data[i] = (i < 520) ? 0xAA : 0x55;   // run longer than 255
            else if (c == 3) data[i] = (int)(rnd() & 0xFF);       // mostly runs of one
            else data[i] = 0x80 + (int)((i / 7) % 5);
        }
        std::vector<uint32_t> ref;
        for (int i = 0; i < n;) {
            int j = i;
            while (j < n && data[j] == data[i] && j - i < 255) j++;
            ref.push_back((uint32_t)((j - i) << 8 | data[i]));
            i = j;
        }
        ref.push_back(0);
        hls::stream<ap_uint<8>> in;
        hls::stream<ap_uint<16>> out;
        for (int i = 0; i < n; i++) in.write(data[i]);
        int ntok = -1;
        run_length_enc(in, out, n, ntok);
        std::vector<uint32_t> got;
        while (!out.empty()) got.push_back(out.read().to_uint());
        printf("case %d tokens %d:", c, ntok);
        for (size_t i = 0; i < got.size(); i++) printf(" %04x", (unsigned)got[i]);
        printf("\n");
        if (got != ref || ntok != (int)ref.size() - 1 || !in.empty()) {
            printf("  MISMATCH expected %d tokens\n", (int)ref.size() - 1);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
