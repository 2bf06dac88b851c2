long checksum(const unsigned char *p, int n) {
    long s = 7;
    int i = 0;
    while (i < n) {
        s = s * 31 + p[i];
        i++;
    }
    return s;
}
