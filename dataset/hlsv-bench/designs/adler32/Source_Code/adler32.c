/* adler32.c - Adler-32 checksum (RFC 1950) over a byte buffer, plain C.
 * The main loop consumes four bytes per iteration (manually unrolled). */
#define ADLER_MOD 65521u
#define ADLER_MAX_LEN 512

unsigned int adler32(const unsigned char data[ADLER_MAX_LEN], int len) {
#pragma HLS INTERFACE m_axi port=data offset=slave bundle=gmem depth=512
#pragma HLS INTERFACE s_axilite port=len
#pragma HLS INTERFACE s_axilite port=return
    unsigned int a = 1;
    unsigned int b = 0;
    int i = 0;

quad_loop:
    for (; i + 4 <= len; i += 4) {
#pragma HLS loop_tripcount min=0 max=128
#pragma HLS pipeline II=1
        a += data[i];
        b += a;
        a += data[i + 1];
        b += a;
        a += data[i + 2];
        b += a;
        a += data[i + 3];
        b += a;
        a %= ADLER_MOD;
        b %= ADLER_MOD;
    }
tail_loop:
    for (; i < len; i++) {
#pragma HLS loop_tripcount min=0 max=3
#pragma HLS pipeline II=1
        a += data[i];
        b += a;
        a %= ADLER_MOD;
        b %= ADLER_MOD;
    }
    return (b << 16) | a;
}
