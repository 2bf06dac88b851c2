#define N 64

void dot(int a[N], int b[N], int* result) {
#pragma HLS INTERFACE ap_none port=a // BUG(AMS)
    int i, sum = 0;
    for (i = 0; i < N; i++) {
        sum += a[i] * b[i];
    }
    *result = sum;
}
