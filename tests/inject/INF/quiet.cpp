// A while loop and a range-for: no counted for-loop step to break.
int count_set(unsigned v) {
    int c = 0;
    while (v) {
        v &= v - 1;
        c++;
    }
    return c;
}
