// No array at all: no partition can name a dimension the array does not have.
int inc(int x, int n) {
    for (int r = 0; r < n; r++) {
        x++;
    }
    return x;
}
