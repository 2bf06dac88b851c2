// The generic repair operators (private to the assist module).
#include "repair.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace hlsv;
using namespace hlsv::assist::detail;

namespace {

bool has(const std::vector<Candidate>& cs, const std::string& text) {
    return std::any_of(cs.begin(), cs.end(),
                       [&](const Candidate& c) { return c.replacement == text; });
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
    auto swap =
        std::find_if(cs.begin(), cs.end(), [](const Candidate& c) { return c.op == "swap-next"; });
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

bool has_targeted(const std::vector<Candidate>& cs, const std::string& text) {
    return std::any_of(cs.begin(), cs.end(),
                       [&](const Candidate& c) { return c.replacement == text && c.targeted; });
}

TEST(Repair, LoopUpdateWithoutEffectIsTargeted) {
    SourceText src("    for (int k = 0; k < n; k + 1) {\n    for (int k = n; k > 0; k - 2) {\n");
    auto cs = repair_candidates(src, 1);
    ASSERT_FALSE(cs.empty());
    EXPECT_TRUE(cs.front().targeted);
    EXPECT_TRUE(has_targeted(cs, "    for (int k = 0; k < n; k += 1) {"));
    EXPECT_TRUE(has_targeted(cs, "    for (int k = 0; k < n; k++) {"));
    EXPECT_TRUE(has_targeted(repair_candidates(src, 2), "    for (int k = n; k > 0; k -= 2) {"));
    // A loop that advances is no anomaly.
    SourceText ok("for (int k = 0; k < n; k += 2) {\n");
    for (const auto& c : repair_candidates(ok, 1)) {
        EXPECT_FALSE(c.targeted) << c.replacement;
    }
}

TEST(Repair, OversizedShiftTriesTheFilesShiftAmounts) {
    SourceText src("lo = w >> 12;\nreturn (hi << 44) | lo;\n");
    auto cs = repair_candidates(src, 2);
    ASSERT_FALSE(cs.empty());
    EXPECT_EQ(cs.front().replacement, "return (hi << 12) | lo;");
    EXPECT_TRUE(has_targeted(cs, "return (hi << 16) | lo;"));
    EXPECT_TRUE(has_targeted(cs, "return (hi << 8) | lo;"));
}

TEST(Repair, UnrollGapRestoresTheMissingCopy) {
    SourceText src(
        "        s += v[j];\n        t += s;\n        s += v[j + 2];\n        t += s;\n");
    auto cs = repair_candidates(src, 2);
    EXPECT_TRUE(has_targeted(cs, "        t += s;\n        s += v[j + 1];\n        t += s;"));
    // No gap after the last copy.
    for (const auto& c : repair_candidates(src, 4)) {
        EXPECT_NE(c.op, "unroll-gap");
    }
}

TEST(Repair, FlippedPingPongIndexAgainstItsNeighbours) {
    SourceText src("buf[cur][0] = x;\nbuf[1 - cur][1] = y;\nbuf[cur][2] = z;\n");
    EXPECT_TRUE(has_targeted(repair_candidates(src, 2), "buf[cur][1] = y;"));
}

TEST(Repair, ReadBeforeWriteFindsMissingInitializers) {
    SourceText src("int f(const int v[8], int n, bool rst) {\n"  // 1
                   "    int acc;\n"                              // 2
                   "    int seen;\n"                             // 3
                   "    int out;\n"                              // 4
                   "    int tmp[8];\n"                           // 5
                   "    static int keep;\n"                      // 6
                   "    int w;\n"                                // 7
                   "    seen = 0;\n"                             // 8
                   "    g(out);\n"                               // 9
                   "    for (int i = 0; i < n; i++) {\n"         // 10
                   "        int e;\n"                            // 11
                   "        acc += e + keep;\n"                  // 12
                   "        tmp[i] = acc;\n"                     // 13
                   "    }\n"                                     // 14
                   "    if (rst) acc = n;\n"                     // 15
                   "    return acc + seen + out + tmp[0] + w;\n" // 16
                   "}\n");
    auto found = reads_before_write(src);
    std::vector<int> lines;
    for (const auto& u : found) {
        lines.push_back(u.decl_line);
    }
    EXPECT_EQ(lines, (std::vector<int>{2, 7, 11}));
    // The initializer candidates: what the function assigns elsewhere, a same-typed array
    // element at the loop index, then 0 and 1.
    auto acc = repair_candidates(src, 2);
    EXPECT_TRUE(has_targeted(acc, "    int acc = n;"));
    EXPECT_TRUE(has_targeted(acc, "    int acc = 0;"));
    EXPECT_TRUE(has_targeted(repair_candidates(src, 11), "        int e = v[i];"));
}

TEST(Repair, DataflowIsQuietOnTheBenchmarkDesigns) {
    // Correct designs initialize what they read: every finding here would be a false alarm.
    fs::path designs = fs::path(HLSV_TEST_FIXTURES) / ".." / ".." / "benchmarks" / "designs";
    ASSERT_TRUE(fs::is_directory(designs));
    int files = 0;
    for (const auto& d : fs::directory_iterator(designs)) {
        if (!d.is_directory()) {
            continue;
        }
        for (const auto& f : fs::directory_iterator(d.path())) {
            auto x = f.path().extension();
            std::string name = f.path().filename().string();
            if ((x != ".cpp" && x != ".c") || name.find("_tb") != std::string::npos) {
                continue;
            }
            ++files;
            SourceText text(read_file(f.path()));
            for (const auto& u : reads_before_write(text)) {
                ADD_FAILURE() << f.path() << ":" << u.decl_line << ": '" << u.var
                              << "' read on line " << u.read_line;
            }
            for (const auto& u : never_written(text)) {
                ADD_FAILURE() << f.path() << ":" << u.decl_line << ": '" << u.var
                              << "' never written";
            }
        }
    }
    EXPECT_GT(files, 20);
}

TEST(Repair, ConstantLocalGetsItsPairedNeighboursValue) {
    SourceText src("void g(const int in[4], int lo, int hi, int* out) {\n" // 1
                   "    int y_lo = 0;\n"                                   // 2
                   "    int y_hi = scale(hi, 3);\n"                        // 3
                   "    int k = 0;\n"                                      // 4
                   "    int n = 2;\n"                                      // 5
                   "    k += n;\n"                                         // 6
                   "    *out = y_lo + y_hi + k + n;\n"                     // 7
                   "}\n");
    auto found = never_written(src);
    std::vector<int> lines;
    for (const auto& u : found) {
        lines.push_back(u.decl_line);
    }
    EXPECT_EQ(lines, (std::vector<int>{2, 5})); // k changes; n is a constant not declared const
    auto cs = repair_candidates(src, 2);
    ASSERT_FALSE(cs.empty());
    EXPECT_EQ(cs.front().replacement, "    int y_lo = scale(lo, 3);");
    EXPECT_EQ(cs.front().op, "restore-value");
    EXPECT_TRUE(cs.front().targeted);
}

} // namespace
