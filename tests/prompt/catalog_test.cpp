// prompts/bugs.json: every Chrysalis type plus PREC, loadable by core::BugCatalog, complete.
#include "core/core.h"

#include <gtest/gtest.h>
#include <set>

namespace hlsv {
namespace {

BugCatalog shipped() {
    return BugCatalog::load(fs::path(HLSV_PROMPTS_DIR) / "bugs.json");
}

TEST(Catalog, ListsTheChrysalisTypesPlusPrecWithTheRightClass) {
    BugCatalog cat = shipped();
    const std::set<std::string> functional = {"OOB", "INIT", "SHFT", "INF", "USE",
                                              "MLU", "ZERO", "BUF",  "PREC"};
    const std::set<std::string> pragma = {"APT",  "FND", "DID", "DFP", "IDAP",
                                          "RAMB", "SMA", "AMS", "MLP", "ILNU"};
    EXPECT_EQ(cat.types().size(), functional.size() + pragma.size());
    for (const auto& code : functional) {
        EXPECT_EQ(cat.at(code).cls, BugClass::functional) << code;
    }
    for (const auto& code : pragma) {
        EXPECT_EQ(cat.at(code).cls, BugClass::pragma) << code;
    }
    EXPECT_EQ(cat.parse_list("functional").size(), functional.size());
    EXPECT_EQ(cat.parse_list("pragma").size(), pragma.size());
}

TEST(Catalog, EveryTypeHasNameSpecificationRulesAndSteps) {
    std::set<std::string> codes;
    const BugCatalog cat = shipped();
    for (const auto& t : cat.types()) {
        EXPECT_TRUE(codes.insert(t.code).second) << "duplicate " << t.code;
        EXPECT_FALSE(t.name.empty()) << t.code;
        EXPECT_NE(t.name, t.code) << t.code;
        EXPECT_FALSE(t.specification.empty()) << t.code;
        EXPECT_EQ(t.specification.find('\n'), std::string::npos) << t.code << ": one line";
        EXPECT_GE(t.rules.size(), 1u) << t.code;
        EXPECT_GE(t.cot_steps.size(), 3u) << t.code;
    }
}

TEST(Catalog, PragmaRulesSayWhatACorrectPragmaLooksLike) {
    const BugCatalog cat = shipped();
    for (const auto& t : cat.types()) {
        if (t.cls != BugClass::pragma) {
            continue;
        }
        bool has_correct = false;
        for (const auto& r : t.rules) {
            has_correct = has_correct || r.rfind("Correct:", 0) == 0;
        }
        EXPECT_TRUE(has_correct) << t.code;
    }
}

} // namespace
} // namespace hlsv
