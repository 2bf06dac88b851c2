// No loop at all: nowhere to misplace a dataflow pragma.
int mac(int a, int b, int c) { return a * b + c; }
