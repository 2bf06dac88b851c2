// sha_compress_tb.cpp - hashes padded messages with sha_compress and compares
// with known SHA-256 digests.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include "sha_compress.h"

namespace {

struct Vector {
    const char* msg;
    const char* digest;
};

// SHA-256 digests of well-known strings
const Vector vectors[] = {
    {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    {"The quick brown fox jumps over the lazy dog",
     "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"},
};

int pad_message(const char* msg, uint32_t blocks[][SHA_BLOCK_WORDS]) {
    size_t len = strlen(msg);
    unsigned char buf[128];
    memset(buf, 0, sizeof buf);
    memcpy(buf, msg, len);
    buf[len] = 0x80;
    int nblocks = (len + 9 <= 64) ? 1 : 2;
    unsigned long long bits = (unsigned long long)len * 8;
    for (int i = 0; i < 8; i++) buf[nblocks * 64 - 1 - i] = (unsigned char)(bits >> (8 * i));
    for (int b = 0; b < nblocks; b++)
        for (int i = 0; i < 16; i++) {
            const unsigned char* p = buf + b * 64 + 4 * i;
            blocks[b][i] = ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
        }
    return nblocks;
}

}  // namespace

int main() {
    const char* env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    for (int c = 0; c < 4; c++) {
        if (sel >= 0 && c != sel) continue;
        uint32_t blocks[2][SHA_BLOCK_WORDS];
        int nblocks = pad_message(vectors[c].msg, blocks);
        uint32_t state[SHA_STATE_WORDS + 1];
        state[SHA_STATE_WORDS] = 0xDEADBEEF;
        for (int b = 0; b < nblocks; b++) sha_compress(blocks[b], state, b == 0);
        char hex[65];
        for (int i = 0; i < SHA_STATE_WORDS; i++) snprintf(hex + 8 * i, 9, "%08x", (unsigned)state[i]);
        printf("case %d digest %s\n", c, hex);
        if (strcmp(hex, vectors[c].digest) != 0 || state[SHA_STATE_WORDS] != 0xDEADBEEF) {
            printf("  MISMATCH expected %s\n", vectors[c].digest);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
