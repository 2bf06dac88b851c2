// Every rule has tests/check/<rule-id>/fire.cpp (each line marked `// FIRE` must get a finding
// of that rule, and no other line may) and ok.cpp (no finding of that rule at all).
#include "check/check.h"

#include <gtest/gtest.h>
#include <set>

namespace hlsv::check {
namespace {

fs::path fixtures() {
    return HLSV_CHECK_FIXTURES;
}

std::set<int> marked_lines(const std::string& text) {
    std::set<int> out;
    SourceText src(text);
    for (int i = 1; i <= static_cast<int>(src.line_count()); ++i) {
        if (src.line(i).find("// FIRE") != std::string_view::npos) {
            out.insert(i);
        }
    }
    return out;
}

class RuleFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleFixture, FiresExactlyOnMarkedLines) {
    const std::string id = GetParam();
    fs::path file = fixtures() / id / "fire.cpp";
    std::string text = read_file(file);
    Options opts;
    opts.rules = {id};
    std::set<int> got;
    // Notes of a warning or error rule are context, not findings; a note rule's are its findings.
    bool note_rule = find_rule(id)->severity == Severity::note;
    for (const auto& f : check_source(file.string(), text, opts)) {
        EXPECT_EQ(f.rule, id);
        EXPECT_FALSE(f.message.empty());
        if (f.severity != Severity::note || note_rule) {
            got.insert(f.line);
        }
    }
    std::set<int> want = marked_lines(text);
    ASSERT_FALSE(want.empty()) << file << " has no // FIRE marker";
    EXPECT_EQ(got, want) << "rule " << id;
}

TEST_P(RuleFixture, SilentOnCorrectDesign) {
    const std::string id = GetParam();
    fs::path file = fixtures() / id / "ok.cpp";
    Options opts;
    opts.rules = {id};
    auto found = check_source(file.string(), read_file(file), opts);
    for (const auto& f : found) {
        ADD_FAILURE() << file.string() << ":" << f.line << ": " << f.message;
    }
}

std::vector<std::string> rule_ids() {
    std::vector<std::string> ids;
    for (const auto& r : rules()) {
        ids.push_back(r.id);
    }
    return ids;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixture, ::testing::ValuesIn(rule_ids()), [](const auto& info) {
    std::string n = info.param;
    for (char& c : n) {
        c = c == '-' ? '_' : c;
    }
    return n;
});

TEST(Registry, SortedUniqueKebabIdsWithMetadata) {
    const auto& all = rules();
    ASSERT_GE(all.size(), 20u);
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& r = all[i];
        if (i > 0) {
            EXPECT_LT(all[i - 1].id, r.id) << "registry.cpp must stay sorted";
        }
        EXPECT_EQ(r.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz-"), std::string::npos) << r.id;
        EXPECT_FALSE(r.summary.empty()) << r.id;
        EXPECT_FALSE(r.help.empty()) << r.id;
        EXPECT_FALSE(r.message.empty()) << r.id;
        EXPECT_TRUE(fs::exists(fixtures() / r.id / "fire.cpp")) << r.id << " has no tests";
        if (r.type) {
            EXPECT_NE(BugCatalog::get().find(*r.type), nullptr)
                << r.id << " maps to unknown type " << *r.type;
        }
    }
}

TEST(Registry, AllTenPragmaTypesAreCovered) {
    std::set<std::string> types;
    for (const auto& r : rules()) {
        if (r.type) {
            types.insert(*r.type);
        }
    }
    for (const char* t : {"APT", "FND", "DID", "DFP", "IDAP", "RAMB", "SMA", "AMS", "MLP", "ILNU",
                          "OOB", "INIT", "SHFT", "INF", "USE"}) {
        EXPECT_TRUE(types.count(t)) << t;
    }
}

} // namespace
} // namespace hlsv::check
