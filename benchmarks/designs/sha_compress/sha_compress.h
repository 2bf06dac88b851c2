// sha_compress.h - SHA-256 compression function for one 512-bit block.
#ifndef SHA_COMPRESS_H
#define SHA_COMPRESS_H

#include <stdint.h>

constexpr int SHA_BLOCK_WORDS = 16;
constexpr int SHA_STATE_WORDS = 8;
constexpr int SHA_ROUNDS = 64;

// If init is true the state is first loaded with the standard initial value.
void sha_compress(const uint32_t block[SHA_BLOCK_WORDS], uint32_t state[SHA_STATE_WORDS],
                  bool init);

#endif
