// The debugging assistant on bugs written by hand in the styles LLMs and people write them
// (moved statements, wrong operands, changed constants, inverted guards, deleted lines) — not
// bugs made by our own rule engine, so the fix search cannot lean on knowing the mutation.
#include "assist/assist.h"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

using namespace hlsv;

namespace {

const fs::path k_fixtures = fs::path(HLSV_TEST_FIXTURES) / "assist";

struct BuggyDesign {
    fs::path dir;
    DesignSpec spec;
    explicit BuggyDesign(const std::string& bug) {
        dir = fs::temp_directory_path() / ("hlsv_assist_" + bug + "_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        for (const auto& e : fs::directory_iterator(k_fixtures / "saturate_sum")) {
            fs::copy_file(e.path(), dir / e.path().filename());
        }
        if (!bug.empty()) {
            fs::copy_file(k_fixtures / "bugs" / (bug + ".cpp"), dir / "saturate_sum.cpp",
                          fs::copy_options::overwrite_existing);
        }
        spec = load_design(dir);
    }
    ~BuggyDesign() { fs::remove_all(dir); }
};

bool in_top(const assist::DebugReport& r, int line, std::size_t k) {
    for (std::size_t i = 0; i < std::min(k, r.suspects.size()); ++i) {
        if (r.suspects[i].line == line) {
            return true;
        }
    }
    return false;
}

struct Case {
    const char* bug;
    int line; ///< the faulty line in the buggy file
};

class HandWrittenBug : public ::testing::TestWithParam<Case> {};

TEST_P(HandWrittenBug, LocalizedInTopThreeWithValidatedFix) {
    BuggyDesign d(GetParam().bug);
    assist::DebugOptions opts;
    auto rep = assist::debug(d.spec, opts);
    EXPECT_NE(rep.verdict_before, "pass");
    EXPECT_TRUE(in_top(rep, GetParam().line, 3)) << rep.to_text();
    ASSERT_TRUE(rep.fixed()) << rep.to_text();
    const auto& best = rep.suspects.front();
    ASSERT_TRUE(best.fix.has_value());
    EXPECT_TRUE(best.fix->validated);
    EXPECT_NE(best.fix->diff.find("@@"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Styles, HandWrittenBug,
                         ::testing::Values(Case{"wrong_operand", 26}, Case{"changed_constant", 25},
                                           Case{"inverted_guard", 22}, Case{"moved_statement", 28}),
                         [](const auto& info) { return std::string(info.param.bug); });

TEST(Debug, DeletedLineIsReportedButNoFixIsClaimed) {
    // No operator can invent the deleted statement: the honest answer is "failing, not fixed".
    BuggyDesign d("deleted_line");
    auto rep = assist::debug(d.spec, {});
    EXPECT_EQ(rep.verdict_before, "fail");
    for (const auto& s : rep.suspects) {
        if (s.fix) {
            // Any claimed fix must really make the testbench pass: re-check it.
            EXPECT_TRUE(s.fix->validated);
        }
    }
    auto j = rep.to_json();
    EXPECT_EQ(j["design"], "saturate_sum");
    EXPECT_TRUE(j["suspects"].is_array());
}

TEST(Debug, PassingDesignStopsEarly) {
    BuggyDesign d("");
    auto rep = assist::debug(d.spec, {});
    EXPECT_EQ(rep.verdict_before, "pass");
    EXPECT_FALSE(rep.fixed());
    EXPECT_EQ(rep.candidates_tried, 0);
}

TEST(Debug, NoTestbenchSaysSo) {
    BuggyDesign d("wrong_operand");
    DesignSpec lone = load_design(d.dir / "saturate_sum.cpp");
    auto rep = assist::debug(lone, {});
    EXPECT_EQ(rep.verdict_before, "no-testbench");
    ASSERT_FALSE(rep.notes.empty());
    EXPECT_NE(rep.notes.front().find("no testbench"), std::string::npos);
    EXPECT_FALSE(rep.fixed());
}

TEST(Debug, TestbenchThatDoesNotCompileIsNotAFix) {
    BuggyDesign d("wrong_operand");
    {
        std::ofstream tb(d.dir / "saturate_sum_tb.cpp", std::ios::app);
        tb << "this is not C++\n";
    }
    auto rep = assist::debug(load_design(d.dir), {});
    EXPECT_EQ(rep.verdict_before, "compile_error");
    EXPECT_FALSE(rep.fixed());
}

TEST(Debug, SarifOutputIsSarif) {
    BuggyDesign d("wrong_operand");
    assist::DebugOptions opts;
    opts.max_candidates = 10;
    auto rep = assist::debug(d.spec, opts);
    auto sarif = nlohmann::json::parse(assist::to_sarif(rep));
    EXPECT_EQ(sarif["version"], "2.1.0");
    EXPECT_EQ(sarif["runs"][0]["results"].size(), rep.suspects.size());
}

} // namespace
