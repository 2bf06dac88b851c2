// hls::task + hls::stream in concurrent mode (blocking reads, deadlock
// detection).  No sleeps: synchronisation is only through streams.
#include "ap_int.h"
#include "hls_stream.h"
#include "hls_task.h"

#include <gtest/gtest.h>

namespace {

void add_one(hls::stream<int>& in, hls::stream<int>& out) {
    out.write(in.read() + 1);
}
void twice(hls::stream<int>& in, hls::stream<ap_uint<40>>& out) {
    int v = in.read();
    out.write(ap_uint<40>(v) * 2);
}

TEST(HlsTask, PipelineOfTasks) {
    hls_thread_local hls::stream<int> a("a"), b("b");
    hls_thread_local hls::stream<ap_uint<40>> c("c");
    hls_thread_local hls::task t1(add_one, a, b);
    hls_thread_local hls::task t2(twice, b, c);
    const int n = 5000;
    long long expect = 0;
    for (int i = 0; i < n; ++i) {
        a.write(i);
        expect += 2LL * (i + 1);
    }
    long long got = 0;
    for (int i = 0; i < n; ++i)
        got += (long long)c.read().to_uint64(); // blocks until data arrives
    EXPECT_EQ(got, expect);
    EXPECT_TRUE(c.empty());
}

TEST(HlsTask, InterleavedRequestResponse) {
    hls_thread_local hls::stream<int> req("req"), rsp("rsp");
    hls_thread_local hls::task t(add_one, req, rsp);
    for (int i = 0; i < 2000; ++i) {
        req.write(i);
        ASSERT_EQ(rsp.read(), i + 1); // main blocks while the task works
    }
}

TEST(HlsTask, LambdaTask) {
    hls_thread_local hls::stream<int> in("lin"), out("lout");
    hls_thread_local hls::task t(
        [](hls::stream<int>& i, hls::stream<int>& o) { o.write(i.read() * 3); }, in, out);
    in.write(14);
    EXPECT_EQ(out.read(), 42);
}

TEST(HlsTaskDeathTest, DeadlockIsReported) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    auto body = [] {
        static hls::stream<int> x("x"), y("y");
        static hls::task t(add_one, x, y);
        x.write(1);
        (void)y.read();
        (void)y.read(); // task waits on x, main waits on y: deadlock
    };
    EXPECT_DEATH(body(), "hlsv: read from empty hls::stream '(x|y)'(.|\n)*deadlock");
}

} // namespace
