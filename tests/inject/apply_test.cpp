// apply(): each matching level, ambiguity, multi-entry merges, and every refusal.
#include "inject/inject.h"

#include <gtest/gtest.h>

namespace hlsv::inject {
namespace {

const char* const k_src = R"(// demo
void top(int a[8], int b[8]) {
    int acc = 0;   // running sum
    for (int i = 0; i < 8; i++) {
        acc += a[i];
        b[i] = acc;
    }
    for (int i = 0; i < 8; i++) {
        b[i] += 1;
    }
}
)";

Injection one(std::string type, std::string orig, std::string faulty,
              std::optional<int> line = {}) {
    Injection inj;
    inj.error_size = 1;
    inj.specs.push_back(ErrorSpec{std::move(type), std::move(orig), std::move(faulty), line, ""});
    return inj;
}

TEST(Apply, ExactMatch) {
    auto r = apply(k_src, one("OOB", "acc += a[i];", "acc += a[i + 1];"));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.entries[0].mode, MatchMode::exact);
    EXPECT_EQ(r.entries[0].line, 5);
    EXPECT_NE(r.buggy.find("        acc += a[i + 1];\n"), std::string::npos);
    EXPECT_EQ(r.changed_lines, std::vector<int>{5});
    EXPECT_NE(r.diff.find("-        acc += a[i];"), std::string::npos);
    EXPECT_NE(r.diff.find("+        acc += a[i + 1];"), std::string::npos);
}

TEST(Apply, WhitespaceNormalized) {
    auto r =
        apply(k_src, one("INIT", "acc  +=   a[i];\n   b[i] = acc;", "acc += a[i];\nb[i] = 0;"));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.entries[0].mode, MatchMode::whitespace);
    EXPECT_NE(r.buggy.find("b[i] = 0;"), std::string::npos);
}

TEST(Apply, CommentInsensitive) {
    auto r = apply(k_src, one("ZERO", "int acc = 0;\n    for", "int acc = 5;\n    for"));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.entries[0].mode, MatchMode::comments);
    EXPECT_NE(r.buggy.find("int acc = 5;"), std::string::npos);
}

TEST(Apply, TokenLevel) {
    auto r = apply(k_src, one("OOB", "acc+=a[ i ];", "acc+=a[i+1];"));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.entries[0].mode, MatchMode::tokens);
    EXPECT_NE(r.buggy.find("acc+=a[i+1];"), std::string::npos);
}

TEST(Apply, EllipsisGapKeepsElidedCode) {
    auto r = apply(k_src, one("OOB", "for (int i = 0; i < 8; i++) {\n ...\n b[i] = acc;",
                              "for (int i = 0; i <= 8; i++) {\n ...\n b[i] = acc;"));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.entries[0].mode, MatchMode::ellipsis);
    EXPECT_NE(r.buggy.find("i <= 8; i++) {\n        acc += a[i];\n        b[i] = acc;"),
              std::string::npos)
        << r.buggy;
    EXPECT_EQ(r.changed_lines, std::vector<int>{4});
}

TEST(Apply, UnicodeEllipsis) {
    auto r = apply(k_src, one("OOB", "acc += a[i]; \xE2\x80\xA6 b[i] += 1;",
                              "acc += a[i]; \xE2\x80\xA6 b[i] += 2;"));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_NE(r.buggy.find("b[i] += 2;"), std::string::npos);
    EXPECT_NE(r.buggy.find("b[i] = acc;"), std::string::npos);
}

TEST(Apply, SeveralMatchesPreferLineHintAndWarn) {
    std::string header = "for (int i = 0; i < 8; i++) {";
    auto r = apply(k_src, one("OOB", header, "for (int i = 0; i <= 8; i++) {", 8));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.entries[0].line, 8);
    EXPECT_EQ(r.entries[0].candidates, 2);
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_NE(r.warnings[0].find("matches 2 places"), std::string::npos);
    auto first = apply(k_src, one("OOB", header, "for (int i = 0; i <= 8; i++) {"));
    EXPECT_EQ(first.entries[0].line, 4);
}

TEST(Apply, SeveralMatchesPreferTopFunction) {
    std::string src =
        "void helper(int *p) {\n    p[0] = 1;\n}\nvoid top(int *p) {\n    p[0] = 1;\n}\n";
    parse::DesignFacts facts;
    parse::Function h, t;
    h.name = "helper", h.line_start = 1, h.line_end = 3;
    t.name = "top", t.line_start = 4, t.line_end = 6, t.is_top = true;
    facts.functions = {h, t};
    ApplyOptions o;
    o.facts = &facts;
    auto r = apply(src, one("ZERO", "p[0] = 1;", "p[0] = 0;"), o);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.entries[0].line, 5);
}

TEST(Apply, SecondEntryQuotingRewrittenCodeIsMerged) {
    Injection inj;
    inj.error_size = 2;
    inj.specs.push_back({"OOB", "for (int i = 0; i < 8; i++) {\n        acc += a[i];",
                         "for (int i = 0; i <= 8; i++) {\n        acc += a[i];", 4, ""});
    // Quotes the rewritten header (only present after entry 1).
    inj.specs.push_back({"INIT",
                         "for (int i = 0; i <= 8; i++) {\n        acc += a[i];",
                         "for (int i = 0; i <= 8; i++) {\n        acc += a[i - 1];",
                         {},
                         ""});
    auto r = apply(k_src, inj);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.entries[1].mode, MatchMode::rewritten);
    EXPECT_NE(r.buggy.find("i <= 8; i++) {\n        acc += a[i - 1];"), std::string::npos)
        << r.buggy;
}

TEST(Apply, SecondEntryQuotingOriginalInsideFirstEditIsMerged) {
    Injection inj;
    inj.error_size = 2;
    inj.specs.push_back({"OOB", "for (int i = 0; i < 8; i++) {\n        acc += a[i];",
                         "for (int i = 0; i <= 8; i++) {\n        acc += a[i];", 4, ""});
    inj.specs.push_back({"INIT", "acc += a[i];", "acc -= a[i];", 5, ""});
    auto r = apply(k_src, inj);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_NE(r.buggy.find("i <= 8; i++) {\n        acc -= a[i];"), std::string::npos) << r.buggy;
    EXPECT_FALSE(r.warnings.empty());
}

TEST(Apply, TwoIndependentEntries) {
    Injection inj;
    inj.error_size = 2;
    inj.specs.push_back({"ZERO", "int acc = 0;", "int acc = 1;", {}, ""});
    inj.specs.push_back({"OOB", "b[i] += 1;", "b[i + 1] += 1;", {}, ""});
    auto r = apply(k_src, inj);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.changed_lines, (std::vector<int>{3, 9}));
}

TEST(Apply, NotFoundNamesTheEntry) {
    Injection inj;
    inj.error_size = 2;
    inj.specs.push_back({"ZERO", "int acc = 0;", "int acc = 1;", {}, ""});
    inj.specs.push_back({"OOB", "c[j] = 3;", "c[j + 1] = 3;", {}, ""});
    auto r = apply(k_src, inj);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.entries[1].status, EntryStatus::not_found);
    EXPECT_EQ(
        r.error.rfind("entry 2 (OOB): Original Code not found in the design; closest: line ", 0),
        0u)
        << r.error;
}

TEST(Apply, CommentOnlyEditIsNoop) {
    auto r = apply(k_src,
                   one("INIT", "int acc = 0;   // running sum", "int acc = 0;   // running total"));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.entries[0].status, EntryStatus::noop);
    auto same = apply(k_src, one("INIT", "int acc = 0;", "int acc = 0;"));
    EXPECT_EQ(same.entries[0].status, EntryStatus::noop);
    EXPECT_EQ(same.buggy, k_src);
}

TEST(Apply, PragmaAfterCodeIsMalformed) {
    auto r = apply(k_src, one("MLP", "b[i] += 1;", "b[i] += 1; #pragma HLS pipeline"));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.entries[0].status, EntryStatus::malformed);
}

TEST(Apply, PragmaReplacingFunctionHeaderIsMalformed) {
    auto r = apply(k_src, one("DFP", "void top(int a[8], int b[8]) {", "#pragma HLS dataflow"));
    EXPECT_EQ(r.entries[0].status, EntryStatus::malformed);
    EXPECT_NE(r.error.find("header of function 'top'"), std::string::npos);
}

TEST(Apply, UnmergeableOverlapIsReported) {
    Injection inj;
    inj.error_size = 2;
    inj.specs.push_back({"OOB",
                         "acc += a[i];\n        b[i] = acc;",
                         "acc += a[i + 1];\n        b[i] = acc;",
                         {},
                         ""});
    inj.specs.push_back({"INIT", "acc += a[i];", "acc = a[i];", {}, ""});
    auto r = apply(k_src, inj);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.entries[1].status, EntryStatus::overlap);
}

TEST(Apply, NaiveModeStopsAtWhitespace) {
    ApplyOptions o;
    o.naive = true;
    auto r = apply(k_src, one("OOB", "acc+=a[ i ];", "acc+=a[i+1];"), o);
    EXPECT_EQ(r.entries[0].status, EntryStatus::not_found);
}

TEST(Diff, HunksAndChangedLines) {
    std::vector<int> changed;
    std::string d = unified_diff("a\nb\nc\n", "a\nB\nc\nd\n", "f.cpp", &changed);
    EXPECT_EQ(changed, (std::vector<int>{2, 4}));
    EXPECT_EQ(d, "--- a/f.cpp\n+++ b/f.cpp\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n");
    EXPECT_EQ(unified_diff("x\n", "x\n", "f"), "");
}

} // namespace
} // namespace hlsv::inject
