// The rule engine: registry shape, firing and non-firing designs per bug type
// (tests/inject/<TYPE>/fires.cpp, quiet.cpp), seeded choice, combinations, and every site on
// the benchmark designs applying cleanly.
#include "inject/inject.h"

#include <gtest/gtest.h>
#include <regex>
#include <set>

namespace hlsv::inject {
namespace {

const fs::path k_dir = HLSV_INJECT_TESTS;

parse::DesignFacts facts_of(const fs::path& file) {
    parse::Options o;
    o.use_libclang = false;
    return parse::parse_file(file, o);
}

TEST(Registry, SortedUniqueKebabIdsWithSummaries) {
    std::vector<std::string> ids;
    for (const auto& r : rules()) {
        ids.emplace_back(r->id());
        EXPECT_TRUE(std::regex_match(ids.back(), std::regex("[a-z]+(-[a-z0-9]+)+"))) << ids.back();
        EXPECT_FALSE(r->summary().empty());
        EXPECT_EQ(r->summary().back(), '.') << r->id();
        EXPECT_EQ(r->id().substr(0, r->type().size()), [&] {
            std::string t(r->type());
            for (auto& c : t)
                c = static_cast<char>(std::tolower(c));
            return t;
        }());
    }
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
    EXPECT_EQ(supported_types().size(), 19u);
}

class PerType : public ::testing::TestWithParam<std::string> {};

TEST_P(PerType, FiresOnFiringDesignAndEverySiteApplies) {
    const std::string type = GetParam();
    fs::path file = k_dir / type / "fires.cpp";
    std::string text = read_file(file);
    SourceText src(text);
    auto facts = facts_of(file);
    auto sites = sites_for(type, facts, src);
    ASSERT_FALSE(sites.empty()) << type;
    for (const auto& s : sites) {
        EXPECT_EQ(s.type, type);
        EXPECT_FALSE(s.explanation.empty());
        auto ac = auto_check(text, injection_from_sites({s}), {type});
        EXPECT_TRUE(ac.ok) << type << " line " << s.line << ": "
                           << (ac.problems.empty() ? "" : ac.problems.front()) << "\n"
                           << s.original << "\n=> " << s.faulty;
        EXPECT_EQ(ac.applied.entries[0].line, s.line);
    }
}

TEST_P(PerType, QuietOnNonFiringDesign) {
    const std::string type = GetParam();
    fs::path file = k_dir / type / "quiet.cpp";
    SourceText src(read_file(file));
    auto sites = sites_for(type, facts_of(file), src);
    EXPECT_TRUE(sites.empty()) << type << ": "
                               << (sites.empty() ? ""
                                                 : sites[0].original + " => " + sites[0].faulty);
    try {
        inject_with_rules(facts_of(file), src, {type}, 1, "quiet");
        ADD_FAILURE() << "expected NoSiteError";
    } catch (const NoSiteError& e) {
        EXPECT_EQ(std::string(e.what()), "no site for " + type + " in quiet");
        EXPECT_EQ(e.code(), ExitCode::findings);
    }
}

INSTANTIATE_TEST_SUITE_P(Types, PerType,
                         ::testing::Values("OOB", "INIT", "SHFT", "INF", "USE", "MLU", "ZERO",
                                           "BUF", "PREC", "APT", "FND", "DID", "DFP", "IDAP",
                                           "RAMB", "SMA", "AMS", "MLP", "ILNU"));

TEST(Engine, SeedIsRepeatableAndVaries) {
    fs::path file = k_dir / "MLU" / "fires.cpp";
    SourceText src(read_file(file));
    auto facts = facts_of(file);
    auto a = injection_to_json(inject_with_rules(facts, src, {"MLU"}, 7, "d"));
    auto b = injection_to_json(inject_with_rules(facts, src, {"MLU"}, 7, "d"));
    EXPECT_EQ(a, b);
    std::set<std::string> seen;
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        seen.insert(injection_to_json(inject_with_rules(facts, src, {"MLU"}, seed, "d")));
    }
    EXPECT_EQ(seen.size(), 4u); // three droppable copies and the loop step
}

TEST(Engine, CombinationUsesDistinctLines) {
    fs::path file = k_dir / "ZERO" / "fires.cpp";
    std::string text = read_file(file);
    SourceText src(text);
    auto facts = facts_of(file);
    for (std::uint64_t seed = 0; seed < 5; ++seed) {
        auto inj = inject_with_rules(facts, src, {"OOB", "INIT"}, seed, "d");
        ASSERT_EQ(inj.specs.size(), 2u);
        EXPECT_EQ(inj.error_size, 2);
        EXPECT_NE(inj.specs[0].line, inj.specs[1].line);
        auto ac = auto_check(text, inj, {"OOB", "INIT"});
        EXPECT_TRUE(ac.ok) << ac.problems.front();
    }
}

TEST(Engine, UnknownTypeIsInputError) {
    SourceText src("int f() { return 0; }\n");
    EXPECT_THROW(inject_with_rules({}, src, {"NOPE"}, 1, "d"), InputError);
}

TEST(Engine, EverySiteOnBenchmarkDesignsApplies) {
    fs::path designs = fs::path(HLSV_SOURCE_DIR) / "benchmarks" / "designs";
    int designs_seen = 0, sites_seen = 0;
    for (const auto& entry : fs::directory_iterator(designs)) {
        if (!fs::exists(entry.path() / "hlsv.json")) {
            continue;
        }
        DesignSpec d = load_design(entry.path());
        fs::path file = injected_source(d);
        std::string text = read_file(file);
        SourceText src(text);
        parse::Options o;
        o.top = d.top;
        o.use_libclang = false;
        auto facts = parse::parse_source(file.string(), text, o);
        ++designs_seen;
        for (const auto& type : supported_types()) {
            for (const auto& s : sites_for(type, facts, src)) {
                ++sites_seen;
                auto ac = auto_check(text, injection_from_sites({s}), {type});
                EXPECT_TRUE(ac.ok)
                    << d.name << " " << type << " line " << s.line << ": " << ac.problems.front();
            }
        }
    }
    EXPECT_GT(designs_seen, 10);
    EXPECT_GT(sites_seen, 100);
}

} // namespace
} // namespace hlsv::inject
