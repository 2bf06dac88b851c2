// Induction variables and trip counts for the header forms the injection rules rely on.
#include "parse/parse.h"

#include <gtest/gtest.h>

using namespace hlsv;
using namespace hlsv::parse;

namespace {

Loop only_loop(const std::string& header, const std::string& prelude = "") {
    Options o;
    o.use_libclang = false;
    auto f = parse_source("l.cpp",
                          prelude + "\nvoid f(int* a) {\n  " + header + " { a[0] = 1; }\n}\n", o);
    EXPECT_EQ(f.loops.size(), 1u) << header;
    return f.loops.empty() ? Loop{} : f.loops[0];
}

std::optional<long long> trips(const std::string& header, const std::string& prelude = "") {
    return only_loop(header, prelude).trip_count;
}

} // namespace

TEST(ParseLoops, TripCounts) {
    EXPECT_EQ(trips("for (int i = 0; i < 10; i++)"), 10);
    EXPECT_EQ(trips("for (int i = 0; i <= 10; ++i)"), 11);
    EXPECT_EQ(trips("for (int i = 0; i != 10; i++)"), 10);
    EXPECT_EQ(trips("for (int i = 10; i > 0; i--)"), 10);
    EXPECT_EQ(trips("for (int i = 10; i >= 0; --i)"), 11);
    EXPECT_EQ(trips("for (int i = 0; i < 10; i += 3)"), 4);
    EXPECT_EQ(trips("for (int i = 0; i < 10; i = i + 2)"), 5);
    EXPECT_EQ(trips("for (int i = 0; i < 10; i = 2 + i)"), 5);
    EXPECT_EQ(trips("for (int i = 9; i >= 0; i -= 2)"), 5);
    EXPECT_EQ(trips("for (int i = 0; 10 > i; i++)"), 10); // bound on the left
    EXPECT_EQ(trips("for (int i = 5; i < 5; i++)"), 0);
    EXPECT_EQ(trips("for (int i = 0; i < (N << 1) - 1; i++)", "#define N 0x10"), 31);
    EXPECT_EQ(trips("for (int i = 0; i < M; i++)", "const int K = 3; constexpr int M = K * K;"), 9);
    EXPECT_EQ(trips("for (unsigned i = 0u; i < 1'000; i++)"), 1000);
}

TEST(ParseLoops, NotDerivable) {
    EXPECT_FALSE(trips("for (int i = 0; i < n; i++)"));     // runtime bound
    EXPECT_FALSE(trips("for (int i = 0; i != 9; i += 2)")); // steps past its bound: INF
    EXPECT_FALSE(trips("for (int i = 0; i < 10; i--)"));    // wrong direction
    EXPECT_FALSE(trips("for (int i = 0; i < 10;)"));        // no step
    EXPECT_FALSE(trips("for (;;)"));
    EXPECT_FALSE(trips("for (int i = 0; i < A; i++)", "#define A B\n#define B A")); // a cycle
    EXPECT_FALSE(trips("for (int i = 0; i < 10 / Z; i++)", "#define Z 0"));
}

TEST(ParseLoops, HeaderPieces) {
    Loop l = only_loop("for (int i = 2; i <= LIM; i += 2)", "#define LIM 8");
    EXPECT_EQ(l.induction_var, "i");
    EXPECT_EQ(l.init_text, "int i = 2");
    EXPECT_EQ(l.cond_text, "i <= LIM");
    EXPECT_EQ(l.step_text, "i += 2");
    EXPECT_EQ(l.cond_op, "<=");
    EXPECT_EQ(l.init_value, 2);
    EXPECT_EQ(l.bound_value, 8);
    EXPECT_EQ(l.step_value, 2);
    EXPECT_EQ(l.trip_count, 4);
    Loop w = only_loop("while (x < 3)");
    EXPECT_EQ(w.kind, "while");
    EXPECT_EQ(w.induction_var, "");
}

TEST(ParseLoops, NestingAndLabels) {
    Options o;
    o.use_libclang = false;
    auto f = parse_source("n.cpp", R"(void f() {
L1: for (int i = 0; i < 2; i++) {
      do {
        L3:
        while (0) {}
      } while (0);
    }
    for (auto v : {1, 2}) {}
}
)",
                          o);
    ASSERT_EQ(f.loops.size(), 4u);
    EXPECT_EQ(f.loops[0].label, "L1");
    EXPECT_EQ(f.loops[1].kind, "do");
    EXPECT_EQ(f.loops[1].label, "");
    EXPECT_EQ(f.loops[1].parent, 0);
    EXPECT_EQ(f.loops[2].label, "L3");
    EXPECT_EQ(f.loops[2].line_start, 4); // the label's line
    EXPECT_EQ(f.loops[2].depth, 2);
    EXPECT_EQ(f.loops[2].parent, 1);
    EXPECT_EQ(f.loops[3].depth, 0);
    EXPECT_EQ(f.loops[3].induction_var, "v");
    EXPECT_FALSE(f.loops[3].parent);
}
