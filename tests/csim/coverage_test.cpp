// Line counts for the debugging assistant.
#include "helpers.h"

namespace hlsv::csim::test {
namespace {

struct Coverage : SimFixture {};

TEST_F(Coverage, CountsLinesOfTheDesignSources) {
    Simulator sim(options());
    auto d = load_design(fixture("adder"));
    auto run = sim.run_coverage(d, {});
    EXPECT_EQ(run.result.verdict, Verdict::pass) << run.result.detail;
    ASSERT_TRUE(run.counts.count("adder.cpp"));
    const auto& lines = run.counts.at("adder.cpp");
    // scale() (line 4) runs once per element; the loop body (line 9) too.
    ASSERT_TRUE(lines.count(4));
    EXPECT_EQ(lines.at(4), 8);
    ASSERT_TRUE(lines.count(9));
    EXPECT_EQ(lines.at(9), 8);
    EXPECT_FALSE(run.counts.count("adder_tb.cpp"));
}

TEST_F(Coverage, VariantAndEnvironment) {
    Simulator sim(options());
    auto d = load_design(fixture("adder"));
    std::string golden = read_file(fixture("adder") / "adder.cpp");
    std::string early_exit =
        edit(golden, "out[i] = scale(a[i]) + b[i];",
             "if (i >= 2) { out[i] = 0; continue; } out[i] = scale(a[i]) + b[i];");
    auto run = sim.run_coverage(d, Variant{{{"adder.cpp", early_exit}}}, {{"HLSV_CASE", "1"}});
    EXPECT_EQ(run.result.verdict, Verdict::fail) << run.result.detail;
    EXPECT_EQ(run.counts.at("adder.cpp").at(4), 2);
}

} // namespace
} // namespace hlsv::csim::test
