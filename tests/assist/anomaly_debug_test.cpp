// The anomaly-triggered repair operators and the read-before-write evidence on bugs written by
// hand into our own fixture design (blend4): a loop update without effect, a dropped
// initializer, a flipped double-buffer index, a lost copy of a manually unrolled body, a
// shift by the full word width, a mask applied after its shift, an unrolled loop stepping
// past copies and a pixel narrowed to a signed byte. The fix search knows nothing of how these bugs
// were made.
#include "assist/assist.h"
#include "csim/csim.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace hlsv;

namespace {

const fs::path k_fixtures = fs::path(HLSV_TEST_FIXTURES) / "assist";

struct Blend4 {
    fs::path dir;
    DesignSpec spec;
    explicit Blend4(const std::string& bug) {
        dir = fs::temp_directory_path() / ("hlsv_blend4_" + bug + "_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        for (const auto& e : fs::directory_iterator(k_fixtures / "blend4")) {
            fs::copy_file(e.path(), dir / e.path().filename());
        }
        if (!bug.empty()) {
            fs::copy_file(k_fixtures / "blend4_bugs" / (bug + ".cpp"), dir / "blend4.cpp",
                          fs::copy_options::overwrite_existing);
        }
        spec = load_design(dir);
    }
    ~Blend4() { fs::remove_all(dir); }
};

struct AnomalyCase {
    const char* bug;
    int line;       ///< the faulty line (for a deletion: the line before the gap)
    const char* op; ///< the operator expected to prove the fix
};

class AnomalyBug : public ::testing::TestWithParam<AnomalyCase> {};

TEST_P(AnomalyBug, LocalizedInTopThreeWithValidatedFix) {
    const auto& c = GetParam();
    Blend4 d(c.bug);
    auto rep = assist::debug(d.spec, {});
    EXPECT_NE(rep.verdict_before, "pass");
    auto it = std::find_if(rep.suspects.begin(), rep.suspects.end(),
                           [&](const assist::Suspect& s) { return s.line == c.line; });
    ASSERT_NE(it, rep.suspects.end()) << rep.to_text();
    EXPECT_LT(it - rep.suspects.begin(), 3) << rep.to_text();
    ASSERT_TRUE(it->fix.has_value()) << rep.to_text();
    EXPECT_TRUE(it->fix->validated);
    EXPECT_EQ(it->fix->operator_id, c.op) << rep.to_text();
    EXPECT_TRUE(rep.fixed());
}

INSTANTIATE_TEST_SUITE_P(Blend4, AnomalyBug,
                         ::testing::Values(AnomalyCase{"loop_step", 36, "loop-update"},
                                           AnomalyCase{"dropped_init", 22, "add-init"},
                                           AnomalyCase{"flipped_buffer", 18, "pingpong-flip"},
                                           AnomalyCase{"lost_unroll", 27, "unroll-gap"},
                                           AnomalyCase{"wide_shift", 39, "shift-narrow"},
                                           AnomalyCase{"mask_precedence", 39, "regroup"},
                                           AnomalyCase{"stride_skip", 24, "stride-fix"},
                                           AnomalyCase{"byte_cast", 30, "cast-drop"}),
                         [](const auto& info) { return std::string(info.param.bug); });

TEST(AnomalyDebug, DroppedInitializerHasDataflowEvidence) {
    Blend4 d("dropped_init");
    auto rep = assist::debug(d.spec, {});
    ASSERT_FALSE(rep.suspects.empty());
    const auto& top = rep.suspects.front();
    EXPECT_EQ(top.line, 22) << rep.to_text();
    EXPECT_EQ(top.type, "INIT");
    EXPECT_TRUE(std::any_of(top.evidence.begin(), top.evidence.end(), [](const std::string& e) {
        return e.rfind("dataflow: 'weighted' is read", 0) == 0;
    })) << rep.to_text();
}

TEST(CoverageCases, OneBuildCountsEachCaseOnItsOwn) {
    Blend4 d("");
    csim::Simulator sim;
    std::vector<std::map<std::string, std::string>> envs;
    for (int k = 0; k < 4; ++k) {
        envs.push_back({{"HLSV_CASE", std::to_string(k)}});
    }
    auto runs = sim.run_coverage_cases(d.spec, {}, envs);
    ASSERT_EQ(runs.size(), 4u);
    for (std::size_t k = 0; k < runs.size(); ++k) {
        EXPECT_EQ(runs[k].result.verdict, csim::Verdict::pass) << runs[k].result.detail;
        const auto& lines = runs[k].counts.at("blend4.cpp");
        // copy_in's body runs B4_LEN times per call: counters must not add up across cases.
        ASSERT_TRUE(lines.count(9));
        EXPECT_EQ(lines.at(9), 16) << "case " << k;
        auto single = sim.run_coverage(d.spec, {}, envs[k]);
        EXPECT_EQ(single.counts.at("blend4.cpp"), lines) << "case " << k;
    }
    // A variant that breaks the build gives a compile error for every case.
    auto broken =
        sim.run_coverage_cases(d.spec, csim::Variant{{{"blend4.cpp", "not C++\n"}}}, envs);
    ASSERT_EQ(broken.size(), 4u);
    for (const auto& r : broken) {
        EXPECT_EQ(r.result.verdict, csim::Verdict::compile_error);
    }
}

} // namespace
