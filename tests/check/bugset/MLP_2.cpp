#define H 16
#define W 16

extern "C" void blur(const int in[H][W], int out[H][W]) {
row:
    for (int y = 0; y < H; y++) {
#pragma HLS pipeline // BUG(MLP)
    col:
        for (int x = 0; x < W; x++) {
#pragma HLS pipeline II=1
            out[y][x] = (in[y][x] + in[y][(x + 1) % W]) / 2;
        }
    }
}
