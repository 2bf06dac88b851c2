// Each verdict class, produced by a real build and run of the adder fixture.
#include "helpers.h"

namespace hlsv::csim::test {
namespace {

struct Verdicts : SimFixture {
    DesignSpec design = load_design(fixture("adder"));
    std::string golden = read_file(fixture("adder") / "adder.cpp");
    Variant variant(const std::string& from, const std::string& to) {
        return Variant{{{"adder.cpp", edit(golden, from, to)}}};
    }
};

TEST_F(Verdicts, GoldenPasses) {
    Simulator sim(options());
    auto r = sim.run_golden(design);
    EXPECT_EQ(r.verdict, Verdict::pass) << r.detail;
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.stdout_text.find("out[7] = 91"), std::string::npos);
}

TEST_F(Verdicts, EveryClassFromOneBatch) {
    Simulator sim(options(2));
    std::vector<Variant> vs = {
        variant("x * 3", "3 * x"), // 0 equivalent
        variant("out[i] = scale(a[i]) + b[i];",
                "volatile int keep = 0; out[i] = scale(a[i]) + b[i] + keep;"), // 1 pass
        variant("+ b[i];", "+ b[i] + (i == N - 1);"),                          // 2 mismatch
        variant("x * 3", "x * 4"),                                             // 3 fail
        variant("i++", "i += 0"),                                              // 4 timeout
        variant("out[i] = ", "if (i == 3) __builtin_abort(); out[i] = "),      // 5 crash
        variant("+ b[i];", "+ b[i] +;"),                                       // 6 compile_error
        variant("x * 3", "x * 4"),                                             // 7 duplicate of 3
    };
    auto rs = sim.run_variants(design, vs);
    ASSERT_EQ(rs.size(), vs.size());
    EXPECT_EQ(rs[0].verdict, Verdict::equivalent) << rs[0].detail;
    EXPECT_EQ(rs[1].verdict, Verdict::pass) << rs[1].detail;
    EXPECT_EQ(rs[2].verdict, Verdict::mismatch) << rs[2].detail;
    EXPECT_NE(rs[2].detail.find("stdout line 8"), std::string::npos) << rs[2].detail;
    EXPECT_EQ(rs[3].verdict, Verdict::fail) << rs[3].detail;
    EXPECT_EQ(rs[3].exit_code, 1);
    EXPECT_EQ(rs[4].verdict, Verdict::timeout) << rs[4].detail;
    EXPECT_EQ(rs[5].verdict, Verdict::crash) << rs[5].detail;
    EXPECT_NE(rs[5].detail.find("SIGABRT"), std::string::npos) << rs[5].detail;
    EXPECT_EQ(rs[6].verdict, Verdict::compile_error) << rs[6].detail;
    EXPECT_NE(rs[6].detail.find("error:"), std::string::npos) << rs[6].detail;
    EXPECT_EQ(rs[7].verdict, Verdict::fail);
    ASSERT_TRUE(rs[7].duplicate_of.has_value());
    EXPECT_EQ(*rs[7].duplicate_of, 3u);
    // Good variants were built in a batch; the bad one alone.
    EXPECT_FALSE(rs[6].batched);
}

TEST_F(Verdicts, SanitizerReportsOutOfBoundsRead) {
    Options o = options();
    o.sanitize = true;
    Simulator sim(o);
    auto rs = sim.run_variants(design, {variant("scale(a[i])", "scale(a[i + 1])")});
    ASSERT_EQ(rs.size(), 1u);
    EXPECT_EQ(rs[0].verdict, Verdict::sanitizer) << rs[0].detail;
    EXPECT_NE(rs[0].detail.find("AddressSanitizer"), std::string::npos) << rs[0].detail;
}

TEST_F(Verdicts, UninitializedReadIsVisible) {
    // Without the pattern initializer the stale stack value could happen to be right.
    Simulator sim(options());
    auto rs = sim.run_variants(
        design, {variant("out[i] = scale(a[i]) + b[i];", "int t; if (i < N - 1) t = b[i]; "
                                                         "out[i] = scale(a[i]) + t;")});
    EXPECT_EQ(rs[0].verdict, Verdict::mismatch) << rs[0].detail;
}

TEST_F(Verdicts, IndividualBuildsGiveTheSameVerdicts) {
    Options o = options(2);
    o.batch = false;
    Simulator sim(o);
    auto rs = sim.run_variants(design, {variant("x * 3", "3 * x"), variant("x * 3", "x * 4"),
                                        variant("+ b[i];", "+ b[i] + (i == N - 1);")});
    EXPECT_EQ(rs[0].verdict, Verdict::equivalent) << rs[0].detail;
    EXPECT_EQ(rs[1].verdict, Verdict::fail) << rs[1].detail;
    EXPECT_EQ(rs[2].verdict, Verdict::mismatch) << rs[2].detail;
    EXPECT_FALSE(rs[0].batched);
}

TEST_F(Verdicts, HeaderVariantRebuildsTheTestbench) {
    Simulator sim(options());
    std::string header = read_file(fixture("adder") / "adder.h");
    auto rs = sim.run_variants(
        design, {Variant{{{"adder.h", edit(header, "#define N 8", "#define N 6")}}}});
    EXPECT_EQ(rs[0].verdict, Verdict::mismatch) << rs[0].detail;
}

TEST_F(Verdicts, JsonHasTheDocumentedKeys) {
    Result r;
    r.verdict = Verdict::compile_error;
    r.detail = "x.cpp:1:2: error: y";
    auto j = to_json(r);
    EXPECT_EQ(j["verdict"], "compile_error");
    EXPECT_EQ(j["detail"], r.detail);
    EXPECT_TRUE(j.contains("exit_code"));
    EXPECT_TRUE(j.contains("seconds"));
    EXPECT_FALSE(is_success(Verdict::mismatch));
    EXPECT_TRUE(is_success(Verdict::equivalent));
}

} // namespace
} // namespace hlsv::csim::test
