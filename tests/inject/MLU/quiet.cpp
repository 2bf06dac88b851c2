// Different statements, no unrolled copies.
int mix(int a, int b) {
    int x = a + b;
    int y = x * a;
    return x ^ y;
}
