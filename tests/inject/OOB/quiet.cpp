// No loop indexes an array: nothing to push out of bounds.
int triangle(int n) {
    int acc = 0;
    for (int k = 0; k <= n; k++) {
        acc += k;
    }
    return acc;
}
