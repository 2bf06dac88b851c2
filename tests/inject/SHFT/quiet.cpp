// Shifts by a variable amount only.
unsigned scale(unsigned x, unsigned s) { return x << s; }
