// Single-level loop: there is no inner loop to leave rolled.
void halve(const int in[8], int out[8]) {
    for (int r = 0; r < 8; r++) {
        out[r] = in[r] >> 1;
    }
}
