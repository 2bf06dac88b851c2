// Tests for hlsv's hls::stream in sequential (task-free) simulation.
// (Task/concurrent mode lives in hls_task_test.cpp: starting a task switches
// the whole process to concurrent mode.)
#include "ap_int.h"
#include "hls_stream.h"

#include <gtest/gtest.h>
#include <string>

namespace {

TEST(HlsStream, FifoOrderAndOperators) {
    hls::stream<int> s("fifo");
    EXPECT_TRUE(s.empty());
    EXPECT_EQ(s.size(), 0u);
    for (int i = 0; i < 10; ++i)
        s.write(i);
    s << 10;
    EXPECT_FALSE(s.empty());
    EXPECT_EQ(s.size(), 11u);
    EXPECT_EQ(s.read(), 0);
    int v = -1;
    s >> v;
    EXPECT_EQ(v, 1);
    s.read(v);
    EXPECT_EQ(v, 2);
    for (int i = 3; i <= 10; ++i)
        EXPECT_EQ(s.read(), i);
    EXPECT_TRUE(s.empty());
    EXPECT_STREQ(s.name(), "fifo");
}

TEST(HlsStream, NonBlocking) {
    hls::stream<ap_uint<12>> s;
    ap_uint<12> v = 7;
    EXPECT_FALSE(s.read_nb(v));
    EXPECT_EQ(v, 7); // untouched on failure
    EXPECT_TRUE(s.write_nb(ap_uint<12>(4095)));
    EXPECT_TRUE(s.read_nb(v));
    EXPECT_EQ(v, 4095);
    EXPECT_FALSE(s.full()); // unbounded
}

TEST(HlsStream, DepthLimitsFullAndWriteNb) {
    hls::stream<int, 2> s("bounded");
    EXPECT_EQ(s.capacity(), 2);
    EXPECT_TRUE(s.write_nb(1));
    EXPECT_FALSE(s.full());
    EXPECT_TRUE(s.write_nb(2));
    EXPECT_TRUE(s.full());
    EXPECT_FALSE(s.write_nb(3));
    EXPECT_EQ(s.read(), 1);
    EXPECT_FALSE(s.full());
}

TEST(HlsStream, StdStringName) {
    std::string n = "from_string";
    hls::stream<int> s(n);
    EXPECT_STREQ(s.name(), "from_string");
}

struct Pkt {
    ap_uint<32> data;
    bool last;
};

TEST(HlsStream, StructElements) {
    hls::stream<Pkt> s;
    s.write(Pkt{ap_uint<32>(0xDEADBEEF), true});
    Pkt p = s.read();
    EXPECT_EQ(p.data, 0xDEADBEEFu);
    EXPECT_TRUE(p.last);
}

TEST(HlsStreamDeathTest, EmptyReadAborts) {
    EXPECT_DEATH(
        {
            hls::stream<int> s("in1");
            s.write(1);
            (void)s.read();
            (void)s.read();
        },
        "hlsv: read from empty hls::stream 'in1'");
}

TEST(HlsStreamDeathTest, EmptyReadUnnamedAndOperator) {
    EXPECT_DEATH(
        {
            hls::stream<ap_int<8>> s;
            ap_int<8> v;
            s >> v;
        },
        "hlsv: read from empty hls::stream '<unnamed>'");
}

} // namespace
