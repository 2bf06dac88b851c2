// No partition pragma at all.
void inc(int m[4]) {
    for (int r = 0; r < 4; r++) {
        m[r]++;
    }
}
