// Different statements, no unrolled copies.
int mix(int a, int b) {
    int x = a + b;
    int y = x * a;
    return x ^ y;
}
// Clearing copies and declarations are not dropped: the first is rarely observable, the
// second would not compile.
void clear(int buf[2][8], int& out) {
    for (int c = 0; c < 8; c++) {
        buf[0][c] = 0;
        buf[1][c] = 0;
    }
    const int m1 = 0x55;
    const int m2 = 0x33;
    out = m1 + m2;
}
