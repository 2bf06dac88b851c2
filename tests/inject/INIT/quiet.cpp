// Declarations without initializers, and a constant: nothing to remove.
int pick(int a, int b) {
    int r;
    const int bias = 3;
    r = a > b ? a : b;
    return r + bias;
}
