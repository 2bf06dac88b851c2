const int N = 128;

extern "C" void vadd(const int in1[N], const int in2[N], int out[N]) {
    int buf[N];
#pragma HLS array_partition variable=buf type=block factor=8 // BUG(APT)
load:
    for (int i = 0; i < N; i++) {
        buf[i] = in1[i];
    }
add:
    for (int i = 0; i < N; i += 8) {
#pragma HLS pipeline II=1
        for (int k = 0; k < 8; k++) {
            out[i + k] = buf[i + k] + in2[i + k];
        }
    }
}
