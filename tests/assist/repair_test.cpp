// The generic repair operators (private to the assist module).
#include <gtest/gtest.h>

#include <algorithm>

#include "repair.h"

using namespace hlsv;
using namespace hlsv::assist::detail;

namespace {

bool has(const std::vector<Candidate>& cs, const std::string& text) {
    return std::any_of(cs.begin(), cs.end(), [&](const Candidate& c) { return c.replacement == text; });
}

TEST(Repair, RelationalAndConstantEdits) {
    SourceText src("for (int i = 0; i <= N; i++) {\n");
    auto cs = repair_candidates(src, 1);
    EXPECT_TRUE(has(cs, "for (int i = 0; i < N; i++) {"));
    EXPECT_TRUE(has(cs, "for (int i = 1; i <= N; i++) {"));
    EXPECT_TRUE(has(cs, "for (int i = 0; i <= N; i--) {"));
}

TEST(Repair, TemplateAnglesAreNotComparisons) {
    SourceText src("ap_int<16> x = a < b;\n");
    auto cs = repair_candidates(src, 1);
    EXPECT_FALSE(has(cs, "ap_int<=16> x = a < b;"));
    EXPECT_TRUE(has(cs, "ap_int<16> x = a <= b;"));
    EXPECT_TRUE(has(cs, "ap_uint<16> x = a < b;"));
}

TEST(Repair, MissingInitializerAndSwappedHalves) {
    SourceText src("    int acc;\n    out[i] = buf_a[i];\n");
    EXPECT_TRUE(has(repair_candidates(src, 1), "    int acc = 0;"));
    EXPECT_TRUE(has(repair_candidates(src, 2), "    out[i] = buf_b[i];"));
}

TEST(Repair, UnrolledCopyAndMovedStatement) {
    SourceText src("acc += a[i + 0] * b[i + 0];\nx = 1;\n");
    auto cs = repair_candidates(src, 1);
    EXPECT_TRUE(has(cs, "acc += a[i + 0] * b[i + 0];\nacc += a[i + 1] * b[i + 1];"));
    auto swap = std::find_if(cs.begin(), cs.end(), [](const Candidate& c) { return c.op == "swap-next"; });
    ASSERT_NE(swap, cs.end());
    EXPECT_EQ(apply_candidate(src, *swap), "x = 1;\nacc += a[i + 0] * b[i + 0];\n");
}

TEST(Repair, PragmasAndCommentsAreLeftAlone) {
    SourceText src("#pragma HLS unroll factor=4\n// i < N\n");
    EXPECT_TRUE(repair_candidates(src, 1).empty());
    EXPECT_TRUE(repair_candidates(src, 2).empty());
}

TEST(Repair, ApplyKeepsOtherLines) {
    SourceText src("a\nb = 1;\nc\n");
    Candidate c{2, 1, "b = 2;", "const-inc"};
    EXPECT_EQ(apply_candidate(src, c), "a\nb = 2;\nc\n");
    Candidate del{2, 1, "", "delete-statement"};
    EXPECT_EQ(apply_candidate(src, del), "a\nc\n");
}

} // namespace
