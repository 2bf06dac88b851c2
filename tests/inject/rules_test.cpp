// The rule engine: registry shape, firing and non-firing designs per bug type
// (tests/inject/<TYPE>/fires.cpp, quiet.cpp), seeded choice, combinations, and every site on
// the benchmark designs applying cleanly.
#include "inject/inject.h"

#include <gtest/gtest.h>
#include <map>
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

// ---- interface and unroll rules of issue #6 (IDAP, RAMB, SMA, ILNU) ---------------------------

std::vector<Site> fixture_sites(const std::string& type, const std::string& name) {
    fs::path file = k_dir / type / name;
    return sites_for(type, facts_of(file), SourceText(read_file(file)));
}

TEST(RambRule, ReadsEverySubscriptAndDropsRamOnlyOptions) {
    auto sites = fixture_sites("RAMB", "fires_2d.cpp");
    ASSERT_EQ(sites.size(), 2u);
    EXPECT_EQ(sites[0].faulty, "#pragma HLS INTERFACE mode=m_axi port=emit offset=slave");
    EXPECT_NE(sites[0].explanation.find("'obs[t]&3'"), std::string::npos) << sites[0].explanation;
    EXPECT_EQ(sites[1].faulty, "#pragma HLS INTERFACE mode=m_axi port=lut offset=slave");
    EXPECT_NE(sites[1].explanation.find("'o'"), std::string::npos) << sites[1].explanation;
}

TEST(IdapRule, LinearisedInOrderIndexesAreNoSites) {
    auto sites = fixture_sites("IDAP", "in_order.cpp");
    std::vector<std::string> faulty;
    for (const auto& s : sites) {
        faulty.push_back(s.faulty);
    }
    EXPECT_EQ(faulty, (std::vector<std::string>{
                          "#pragma HLS INTERFACE mode=ap_fifo port=strided offset=slave",
                          "#pragma HLS INTERFACE mode=ap_fifo port=lut"}));
}

TEST(SmaRule, PointerToOneValueIsAScalarPort) {
    auto sites = fixture_sites("SMA", "pointer.cpp");
    ASSERT_EQ(sites.size(), 2u);
    EXPECT_EQ(sites[0].faulty, "#pragma HLS INTERFACE mode=bram port=total");
    EXPECT_NE(sites[0].explanation.find("pointer to one value"), std::string::npos);
    EXPECT_EQ(sites[1].faulty, "#pragma HLS INTERFACE mode=bram port=n");
}

TEST(AptRule, SwapsOnlyTypesThatFitParallelAccesses) {
    auto sites = fixture_sites("APT", "patterns.cpp");
    std::vector<std::string> faulty;
    for (const auto& s : sites) {
        faulty.push_back(s.faulty);
    }
    // Not `one` (one element per iteration) nor `nbr` (neighbours want cyclic already).
    EXPECT_EQ(faulty, (std::vector<std::string>{
                          "#pragma HLS array_partition variable=pairs type=block factor=2 dim=1",
                          "#pragma HLS array_partition variable=rows type=cyclic factor=4 dim=1"}));
}

TEST(AmsRule, PointerToOneValueIsNoArrayPort) {
    auto sites = fixture_sites("AMS", "pointer.cpp");
    std::vector<std::string> faulty;
    for (const auto& s : sites) {
        faulty.push_back(s.faulty);
    }
    EXPECT_EQ(faulty, (std::vector<std::string>{
                          "#pragma HLS INTERFACE mode=ap_none port=in offset=slave depth=16",
                          "#pragma HLS INTERFACE mode=ap_none port=hist offset=slave depth=4",
                          "#pragma HLS INTERFACE mode=ap_none port=trace offset=slave depth=16"}));
}

TEST(IlnuRule, PipelineBecomesUnrollAndInnerUnrollGoesInOneEdit) {
    auto sites = fixture_sites("ILNU", "nests.cpp");
    ASSERT_EQ(sites.size(), 2u);
    EXPECT_EQ(sites[0].line, 7);
    EXPECT_EQ(sites[0].original, "#pragma HLS pipeline II=1\n        int s = 0;\n    taps:\n"
                                 "        for (int c = 0; c < 4; c++) {\n#pragma HLS unroll");
    EXPECT_EQ(sites[0].faulty, "#pragma HLS unroll\n        int s = 0;\n    taps:\n"
                               "        for (int c = 0; c < 4; c++) {");
    EXPECT_EQ(sites[1].original, "#pragma HLS pipeline II=4");
    EXPECT_EQ(sites[1].faulty, "#pragma HLS unroll");
    std::string text = read_file(k_dir / "ILNU" / "nests.cpp");
    for (const auto& s : sites) {
        auto ac = auto_check(text, injection_from_sites({s}), {"ILNU"});
        EXPECT_TRUE(ac.ok) << (ac.problems.empty() ? "" : ac.problems.front());
    }
}

// The benchmark designs with data-dependent reads of RAM ports: every site of the four types is
// valid, i.e. the static checker reports a finding of the type at the changed lines.
TEST(RuleValidity, InterfaceAndUnrollSitesOnRandomAccessDesigns) {
    fs::path designs = fs::path(HLSV_SOURCE_DIR) / "benchmarks" / "designs";
    std::map<std::string, int> per_type;
    for (std::string name : {"spmv_csr", "palette_map", "embedding_bag", "viterbi_dp"}) {
        DesignSpec d = load_design(designs / name);
        fs::path file = injected_source(d);
        std::string text = read_file(file);
        parse::Options o;
        o.top = d.top;
        o.use_libclang = false;
        auto facts = parse::parse_source(file.string(), text, o);
        std::vector<Injection> batch;
        std::vector<std::string> what;
        for (std::string type : {"IDAP", "RAMB", "SMA", "ILNU"}) {
            for (const auto& s : sites_for(type, facts, SourceText(text))) {
                batch.push_back(injection_from_sites({s}));
                what.push_back(name + " " + type + " line " + std::to_string(s.line));
                ++per_type[type];
            }
        }
        auto r = validate(d, batch);
        ASSERT_EQ(r.size(), batch.size());
        for (std::size_t i = 0; i < r.size(); ++i) {
            EXPECT_EQ(r[i].verdict, Verdict::valid) << what[i] << ": " << r[i].reason;
        }
    }
    EXPECT_EQ(per_type["RAMB"], 4);
    EXPECT_GE(per_type["IDAP"], 4);
    EXPECT_GE(per_type["SMA"], 4);
    EXPECT_GE(per_type["ILNU"], 2);
}

// ---- sign, precedence sites of issue #6 (USE declarations, PREC moved parentheses) ----------

std::vector<std::string> faulty_lines(const std::vector<Site>& sites) {
    std::vector<std::string> out;
    for (const auto& s : sites) {
        out.push_back(std::to_string(s.line) + ": " + s.faulty);
    }
    return out;
}

TEST(UseRule, DeclaresTopBitValuesWithTheOtherSignedness) {
    auto sites = fixture_sites("USE", "fires_decl.cpp");
    // Start values 0xFF, NO_MATCH (200), 0xACE1 and -100; a data byte compared; a difference
    // shifted into a wider port; a constant table whose entries reach bit 3; a helper's
    // parameter fed port data. Nothing from quiet_decl (a small start, a shift cut to 4 bits,
    // "hi << 4" into a byte, a loop bound).
    EXPECT_EQ(faulty_lines(sites),
              (std::vector<std::string>{
                  "8: ap_int<8> lo = 0xFF;", "9: ap_int<8> best = NO_MATCH;",
                  "10: static ap_int<16> seed = 0xACE1;", "11: ap_uint<8> floor = -100;",
                  "13: ap_int<8> v = in[i];", "20: ap_int<12> d = (ap_int<8>)v - lo;",
                  "20: ap_uint<12> d = v - lo;",
                  "23: ap_uint<8> nib = (ap_int<4>)k_nibbles[i / 4];", "54: ap_uint<16> s = v;"}));
    ASSERT_GE(sites.size(), 3u);
    EXPECT_NE(sites[1].explanation.find("start value NO_MATCH now reads as a negative number"),
              std::string::npos)
        << sites[1].explanation;
    EXPECT_NE(sites[1].explanation.find("line 16"), std::string::npos) << sites[1].explanation;
}

TEST(PrecRule, MovesParenthesesWhereNoneCanBeDropped) {
    auto sites = fixture_sites("PREC", "fires_moved.cpp");
    // Not moved: a shift amount or divisor would change, "(a + f) - g" keeps its value by
    // associativity, and "(a & f) | (c & f) | g" has a further operator after the moved group.
    EXPECT_EQ(faulty_lines(sites), (std::vector<std::string>{"4: unsigned ch = e & (f ^ (~e & g));",
                                                             "5: unsigned sh = (c | a) << 2;",
                                                             "6: unsigned sc = a * (3 - c);"}));
    ASSERT_EQ(sites.size(), 3u);
    EXPECT_NE(sites[1].explanation.find("'c | (a << 2)' were moved to '(c | a) << 2'"),
              std::string::npos)
        << sites[1].explanation;
}

// Every USE declaration site and PREC moved-parentheses site on the benchmark designs that
// gained them is told apart by the testbench (real C simulation).
TEST(RuleValidity, UseDeclarationAndPrecMovedSitesChangeTheOutputs) {
    fs::path designs = fs::path(HLSV_SOURCE_DIR) / "benchmarks" / "designs";
    std::map<std::string, int> per_kind;
    for (std::string name :
         {"histogram", "lfsr_prng", "popcount_hamming", "viterbi_dp", "run_length_enc", "aes_round",
          "sha_compress", "barrel_shift", "bit_pack", "fft_stage"}) {
        DesignSpec d = load_design(designs / name);
        fs::path file = injected_source(d);
        std::string text = read_file(file);
        parse::Options o;
        o.top = d.top;
        o.use_libclang = false;
        auto facts = parse::parse_source(file.string(), text, o);
        std::vector<Injection> batch;
        std::vector<std::string> what;
        for (std::string type : {"USE", "PREC"}) {
            for (const auto& s : sites_for(type, facts, SourceText(text))) {
                bool declared = s.explanation.find("is declared") != std::string::npos;
                bool moved = s.explanation.find("were moved") != std::string::npos;
                bool table = s.explanation.find("k_nibbles") != std::string::npos ||
                             s.explanation.find("SBOX4") != std::string::npos;
                if (!declared && !moved && !table) {
                    continue; // the older kinds have their own validity tests
                }
                batch.push_back(injection_from_sites({s}));
                what.push_back(name + " " + type + " line " + std::to_string(s.line) + ": " +
                               s.faulty);
                ++per_kind[declared ? "declared" : moved ? "moved" : "table"];
            }
        }
        if (batch.empty()) {
            continue;
        }
        auto r = validate(d, batch);
        ASSERT_EQ(r.size(), batch.size());
        for (std::size_t i = 0; i < r.size(); ++i) {
            EXPECT_EQ(r[i].verdict, Verdict::valid) << what[i] << ": " << r[i].reason;
        }
    }
    EXPECT_GE(per_kind["declared"], 6);
    EXPECT_GE(per_kind["moved"], 6);
    EXPECT_EQ(per_kind["table"], 1); // aes_round: the low nibble only
}

} // namespace
} // namespace hlsv::inject
