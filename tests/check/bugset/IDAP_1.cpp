#define SIZE 64

extern "C" void reverse(const int data[SIZE], int result[SIZE]) {
#pragma HLS interface mode=ap_fifo port=data // BUG(IDAP)
#pragma HLS interface mode=ap_memory port=result
    for (int i = 0; i < SIZE; i++) {
        result[i] = data[SIZE - 1 - i];
    }
}
