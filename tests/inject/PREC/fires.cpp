unsigned pack(unsigned hi, unsigned lo) {
    unsigned r = (hi << 8) + lo;
    return r * (lo + 1);
}
