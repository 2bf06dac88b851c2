#pragma once
#define ROWS 16
#define TAPS 4

void window_sum(const int in[ROWS][TAPS], int out[ROWS]);
