// Only wide and signed types.
int widen(short raw) {
    int wide = raw;
    return wide * 2;
}
