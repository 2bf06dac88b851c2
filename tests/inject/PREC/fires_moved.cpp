// Parentheses that no operator needs dropped, but which can be moved: "(e & f) ^ g" becomes
// "e & (f ^ g)", "c | (a << 2)" becomes "(c | a) << 2".
unsigned moved(unsigned e, unsigned f, unsigned g, unsigned a, unsigned c) {
    unsigned ch = (e & f) ^ (~e & g);
    unsigned sh = c | (a << 2);
    unsigned sc = (a * 3) - c;
    // No sites: a shift amount or divisor would change, associativity keeps the value, or a
    // further operator follows.
    unsigned crc = (e >> 1) ^ 0xEDB88320u;
    unsigned q = (c % 7) + a;
    unsigned s = (a + f) - g;
    unsigned m = (a & f) | (c & f) | g;
    return ch + sh + sc + crc + q + s + m;
}
