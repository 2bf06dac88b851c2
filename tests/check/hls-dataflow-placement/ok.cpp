void load(const int* in, int* buf);
void compute(const int* buf, int* res);
void store(const int* res, int* out);
void top(const int in[64], int out[64]) {
#pragma HLS dataflow
    int buf[64];
    int res[64];
    load(in, buf);
    compute(buf, res);
    store(res, out);
}
