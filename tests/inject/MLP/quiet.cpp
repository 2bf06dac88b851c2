// Nested loops without any pipeline pragma.
void mm(const int a[4][4], int c[4][4]) {
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
            c[i][j] = a[j][i];
        }
    }
}
