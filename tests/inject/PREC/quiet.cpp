// Parentheses only around single operands and calls.
int twice(int v) { return (v) * 2; }
