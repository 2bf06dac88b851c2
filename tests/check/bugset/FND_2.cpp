#define DATA_SIZE 96

extern "C" void accum(const int* in, int* out) {
    int local[DATA_SIZE];
    int sum = 0;
read:
    for (int i = 0; i < DATA_SIZE; i++) {
        local[i] = in[i];
    }
reduce:
    for (int i = 0; i < DATA_SIZE; i++) {
#pragma HLS unroll factor=7 // BUG(FND)
        sum += local[i];
    }
    *out = sum;
}
