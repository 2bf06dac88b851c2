/* adler32_tb.c - byte-at-a-time reference plus the known "Wikipedia" vector. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ADLER_MAX_LEN 512
unsigned int adler32(const unsigned char data[ADLER_MAX_LEN], int len);

static unsigned int seed;
static unsigned char rnd_byte(void) {
    seed = seed * 1103515245u + 12345u;
    return (unsigned char)(seed >> 16);
}

static unsigned int ref_adler(const unsigned char *p, int len) {
    unsigned int a = 1, b = 0;
    int i;
    for (i = 0; i < len; i++) {
        a = (a + p[i]) % 65521u;
        b = (b + a) % 65521u;
    }
    return (b << 16) | a;
}

int main(void) {
    const char *env = getenv("HLSV_CASE");
    int sel = env ? atoi(env) : -1;
    int errors = 0;
    const int lens[6] = {9, 0, 3, 512, 257, 101};
    int c, i;
    for (c = 0; c < 6; c++) {
        static unsigned char buf[ADLER_MAX_LEN + 8];
        unsigned int got, exp;
        if (sel >= 0 && c != sel) continue;
        seed = 4242u + (unsigned int)c;
        for (i = 0; i < ADLER_MAX_LEN + 8; i++) buf[i] = rnd_byte();
        if (c == 0) memcpy(buf, "Wikipedia", 9); /* known value 0x11E60398 */
        if (c == 3)
            for (i = 0; i < ADLER_MAX_LEN; i++) buf[i] = 0xFF;
        got = adler32(buf, lens[c]);
        exp = ref_adler(buf, lens[c]);
        printf("case %d len %d adler %08x\n", c, lens[c], got);
        if (got != exp) {
            printf("  MISMATCH expected %08x\n", exp);
            errors++;
        }
    }
    printf("%s: %d errors\n", errors ? "FAIL" : "PASS", errors);
    return errors ? 1 : 0;
}
