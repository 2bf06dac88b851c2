#pragma once
void top(int a[8], int out[8]) {
    for (int i = 0; i < 8; i++) {
#pragma HLS pipeline II=1 rewind
#pragma HLS loop_tripcount min=8 max=8 avg=8
        out[i] = a[i];
    }
}
