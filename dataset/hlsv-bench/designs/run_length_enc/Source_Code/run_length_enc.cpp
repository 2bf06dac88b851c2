// run_length_enc.cpp - run-length encoder over a FIFO of bytes. Each output
// token is (run << 8) | value with run in 1..255; a zero token terminates.
#include "ap_int.h"
#include "hls_stream.h"

#define RLE_MAX_RUN 255

typedef ap_uint<8> sym_t;
typedef ap_uint<16> token_t;

void run_length_enc(hls::stream<sym_t>& in, hls::stream<token_t>& out, int n, int& ntokens) {
#pragma HLS INTERFACE ap_fifo port=in
#pragma HLS INTERFACE ap_fifo port=out
#pragma HLS INTERFACE s_axilite port=n
#pragma HLS INTERFACE s_axilite port=ntokens
#pragma HLS INTERFACE s_axilite port=return
    int emitted = 0;
    if (n > 0) {
        sym_t cur = in.read();
        unsigned run = 1;
    sym_loop:
        for (int i = 1; i < n; i++) {
#pragma HLS loop_tripcount min=1 max=1024
#pragma HLS pipeline II=1
            sym_t v = in.read();
            if (v == cur && run < RLE_MAX_RUN) {
                run++;
            } else {
                out.write((token_t)((run << 8) | cur.to_uint()));
                emitted++;
                cur = v;
                run = 1;
            }
        }
        out.write((token_t)((run << 8) | cur.to_uint()));
        emitted++;
    }
    out.write(0);
    ntokens = emitted;
}
