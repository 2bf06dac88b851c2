// total: a pointer to one value (site), n: a scalar (site). buf: an indexed pointer, and
// cursor: a pointer walked with ++, are arrays (no site).
void sum(const int *buf, int *total, const int *cursor, int n) {
#pragma HLS INTERFACE mode=m_axi port=buf offset=slave depth=16
#pragma HLS INTERFACE mode=s_axilite port=total
#pragma HLS INTERFACE mode=m_axi port=cursor offset=slave depth=16
#pragma HLS INTERFACE mode=s_axilite port=n
    int s = 0;
    for (int i = 0; i < 16; i++) {
        s += buf[i] + *cursor++;
    }
    *total = s + n;
}
