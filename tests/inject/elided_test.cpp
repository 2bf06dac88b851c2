// apply() on elided quotes: `...` stands for any bracket-balanced text inside the enclosing
// construct, the elided text is carried into Faulty Code, several places are `ambiguous`, none
// is `original-not-found` with the closest candidate. Every shape below is one seen in public
// Chrysalis-layout datasets, written here in our own code.
#include "inject/inject.h"

#include <gtest/gtest.h>

namespace hlsv::inject {
namespace {

// A blocked matrix-vector kernel with two nested loops, a helper with a multi-line header and a
// top function that calls it.
const char* const k_src = R"(#include "mv.h"

static void load_block(const data_t* in, data_t buf[BS][BS],
                       int row, int col) {
    for (int r = 0; r < BS; ++r) {
        for (int c = 0; c < BS; ++c) {
            buf[r][c] = in[(row + r) * N + col + c];
        }
    }
}

void mv_top(const data_t* in, const data_t* x, data_t* y, int nb) {
    data_t buf[BS][BS];
    data_t acc[BS];
    for (int j = 0; j < nb; ++j) {
        load_block(in, buf, 0, j * BS);
        for (int r = 0; r < BS; ++r) {
            acc[r] += buf[r][0] * x[j * BS];
        }
    }
    for (int r = 0; r < BS; ++r) {
        y[r] = acc[r];
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

TEST(Elided, LoopWithElidedBodyEditsOnlyTheHeader) {
    auto r = apply(
        k_src, one("OOB", "for (j = 0; j < nb; ++j) { ... }", "for (j = 0; j <= nb; ++j) { ... }"));
    // `j` is declared in the loop header in the design: not this quote.
    EXPECT_FALSE(r.ok);
    auto r2 = apply(k_src, one("OOB", "for (int j = 0; j < nb; ++j) { ... }",
                               "for (int j = 0; j <= nb; ++j) { ... }"));
    ASSERT_TRUE(r2.ok) << r2.error;
    EXPECT_EQ(r2.entries[0].mode, MatchMode::ellipsis);
    EXPECT_EQ(r2.entries[0].line, 15);
    EXPECT_NE(r2.buggy.find("for (int j = 0; j <= nb; ++j) {\n        load_block"),
              std::string::npos);
    EXPECT_EQ(r2.changed_lines, std::vector<int>{15});
}

TEST(Elided, ElidedParametersMatchTheWholeHeader) {
    auto r =
        apply(k_src, one("USE", "void mv_top(...) {\n    data_t buf[BS][BS];\n    data_t acc[BS];",
                         "void mv_top(...) {\n    data_t buf[BS][BS];\n    data_t acc[BS] = {0};"));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_NE(r.buggy.find("void mv_top(const data_t* in, const data_t* x, data_t* y, int nb) {"),
              std::string::npos);
    EXPECT_NE(r.buggy.find("data_t acc[BS] = {0};"), std::string::npos);
}

TEST(Elided, BalancedGapStaysInsideTheEnclosingBlock) {
    // The body `{ ... }` of the inner r-loop of mv_top must close at its own brace, not at the
    // j-loop's or the function's.
    auto r = apply(k_src, one("OOB",
                              "for (int r = 0; r < BS; ++r) {\n ... acc[r] += buf[r][0] * "
                              "x[j * BS];\n }",
                              "for (int r = 0; r <= BS; ++r) {\n ... acc[r] += buf[r][0] * "
                              "x[j * BS];\n }"));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.entries[0].line, 17);
    EXPECT_EQ(r.changed_lines, std::vector<int>{17});
}

TEST(Elided, FaultyCodeMayDropTheEllipsisWhereItCopiesTheOriginal) {
    // Faulty keeps `...` in the same place: edits in several pieces are applied piecewise.
    auto r = apply(k_src, one("INIT", "data_t acc[BS];\n ...\n y[r] = acc[r];",
                              "data_t acc[BS + 1];\n ...\n y[r] = acc[r + 1];"));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_NE(r.buggy.find("data_t acc[BS + 1];"), std::string::npos);
    EXPECT_NE(r.buggy.find("y[r] = acc[r + 1];"), std::string::npos);
    EXPECT_NE(r.buggy.find("load_block(in, buf, 0, j * BS);"), std::string::npos);
}

TEST(Elided, SeveralPlacesAreAmbiguousWithTheirLines) {
    auto r = apply(k_src, one("OOB", "for (int r = 0; r < BS; ++r) { ... }",
                              "for (int r = 0; r <= BS; ++r) { ... }"));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.entries[0].status, EntryStatus::ambiguous);
    EXPECT_EQ(r.entries[0].reason, "ambiguous");
    EXPECT_NE(r.entries[0].message.find("lines 5, 17, 21"), std::string::npos)
        << r.entries[0].message;
    EXPECT_EQ(r.buggy, k_src);
    // A "Line" picks one.
    auto pick = apply(k_src, one("OOB", "for (int r = 0; r < BS; ++r) { ... }",
                                 "for (int r = 0; r <= BS; ++r) { ... }", 21));
    ASSERT_TRUE(pick.ok) << pick.error;
    EXPECT_EQ(pick.changed_lines, std::vector<int>{21});
}

TEST(Elided, NothingMatchingNamesTheClosestCandidate) {
    auto r = apply(k_src, one("OOB", "for (int k = 0; k < nb; ++k) { ... }",
                              "for (int k = 0; k <= nb; ++k) { ... }"));
    EXPECT_EQ(r.entries[0].status, EntryStatus::not_found);
    EXPECT_EQ(r.entries[0].reason, "original-not-found");
    EXPECT_NE(r.entries[0].message.find("closest: line 15 (distance 3)"), std::string::npos)
        << r.entries[0].message;
}

TEST(Elided, TripleQuoteWrappersAreStripped) {
    auto r = apply(k_src,
                   one("OOB", "\"\"\"\ny[r] = acc[r];\n\"\"\"", "\"\"\"y[r] = acc[r + 1];\"\"\""));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_NE(r.buggy.find("        y[r] = acc[r + 1];\n"), std::string::npos);
    EXPECT_EQ(unwrap_quotes("\"\"\"x = 1;\"\"\""), "x = 1;");
    EXPECT_EQ(unwrap_quotes("x = \"\";"), "x = \"\";");
}

TEST(Elided, PragmaForAnElidedHeaderGoesAtTheTopOfTheBody) {
    auto r = apply(k_src, one("IDAP", "void mv_top(const data_t* in, ...",
                              "#pragma HLS INTERFACE port=in mode=bram"));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_NE(r.buggy.find("void mv_top(const data_t* in, const data_t* x, data_t* y, int nb) {\n"
                           "    #pragma HLS INTERFACE port=in mode=bram\n"
                           "    data_t buf[BS][BS];"),
              std::string::npos)
        << r.buggy;
    // A multi-line elided header: the body is found past the closing parenthesis.
    auto h = apply(k_src, one("IDAP", "static void load_block(const data_t* in, ...)",
                              "#pragma HLS INTERFACE port=in mode=bram"));
    ASSERT_TRUE(h.ok) << h.error;
    EXPECT_NE(h.buggy.find("int row, int col) {\n    #pragma HLS INTERFACE port=in mode=bram\n"
                           "    for (int r = 0;"),
              std::string::npos)
        << h.buggy;
}

TEST(Elided, FaultyThatDropsElidedCodeIsMalformed) {
    auto r = apply(k_src, one("OOB", "for (int j = 0; j < nb; ++j) { ... }",
                              "for (int j = 0; j <= nb; ++j) { }"));
    EXPECT_EQ(r.entries[0].status, EntryStatus::malformed);
    EXPECT_EQ(r.buggy, k_src);
}

TEST(Elided, UniqueOptionRefusesToGuessAmongPlainMatches) {
    Injection inj = one("OOB", "++r) {", "++r) { // x");
    inj.specs[0].faulty = "r += 2) {";
    auto loose = apply(k_src, inj);
    EXPECT_TRUE(loose.ok) << loose.error; // picks one, with a warning
    EXPECT_FALSE(loose.warnings.empty());
    ApplyOptions o;
    o.unique = true;
    auto strict = apply(k_src, inj, o);
    EXPECT_EQ(strict.entries[0].status, EntryStatus::ambiguous);
}

} // namespace
} // namespace hlsv::inject
