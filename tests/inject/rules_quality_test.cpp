// Precision of the rules tuned for issue #6: the exact sites on small fixtures, and on the
// benchmark designs every site of a functional rule is told apart by real C simulation.
#include "inject/inject.h"

#include <gtest/gtest.h>

namespace hlsv::inject {
namespace {

const fs::path k_dir = HLSV_INJECT_TESTS;
const fs::path k_designs = fs::path(HLSV_SOURCE_DIR) / "benchmarks" / "designs";

std::vector<Site> sites_in(const std::string& type, const fs::path& file) {
    parse::Options o;
    o.use_libclang = false;
    auto facts = parse::parse_file(file, o);
    return sites_for(type, facts, SourceText(read_file(file)));
}

std::vector<std::string> faulty_of(const std::vector<Site>& sites) {
    std::vector<std::string> out;
    for (const auto& s : sites) {
        out.push_back(s.faulty);
    }
    return out;
}

TEST(UseRule, FlipsSignednessOfWidenedDataReads) {
    auto f = faulty_of(sites_in("USE", k_dir / "USE" / "fires.cpp"));
    EXPECT_EQ(f, (std::vector<std::string>{"acc += (ap_int<8>)in[i];",
                                           "long d = (unsigned short)delta[i];",
                                           "ap_int<12> scaled = (ap_uint<4>)w * 5;"}));
}

TEST(UseRule, ResolvesTypedefsOfIncludedHeaders) {
    // sign_extend_mac's activations are `act_t`, an ap_uint<8> typedef in its header.
    auto sites = sites_in("USE", k_designs / "sign_extend_mac" / "sign_extend_mac.cpp");
    ASSERT_FALSE(sites.empty());
    EXPECT_EQ(sites[0].faulty, "ap_int<10> wide = (ap_int<10>)(ap_int<8>)x[i];");
}

TEST(MluRule, DropsGroupedCopiesAndSlipsTheStep) {
    auto sites = sites_in("MLU", k_dir / "MLU" / "fires_grouped.cpp");
    auto f = faulty_of(sites);
    // Three droppable two-statement copies + step, one droppable lane + step.
    ASSERT_EQ(sites.size(), 6u);
    EXPECT_EQ(f[0], "for (; i + 4 <= n; i += 5) {");
    EXPECT_EQ(sites[1].original, "b += a;\n        a += d[i + 1];\n        b += a;");
    EXPECT_EQ(f[1], "b += a;");
    EXPECT_EQ(f[4], "for (int k = 0; k < 64; k += 3) {");
    EXPECT_EQ(sites[5].original, "p0 += d[k] * 3;\n        p1 += d[k + 1] * 3;");
}

TEST(RambRule, ChangesOrAddsAnMaxiPragmaOnRandomlyReadPorts) {
    auto sites = sites_in("RAMB", k_dir / "RAMB" / "fires.cpp");
    ASSERT_EQ(sites.size(), 2u);
    EXPECT_EQ(sites[0].faulty, "#pragma HLS INTERFACE mode=m_axi port=table offset=slave");
    EXPECT_NE(sites[0].explanation.find("loaded from data"), std::string::npos);
    EXPECT_EQ(sites[1].original, "#pragma HLS INTERFACE mode=m_axi port=out offset=slave");
    EXPECT_EQ(sites[1].faulty,
              sites[1].original + "\n#pragma HLS interface mode=m_axi port=hist offset=slave");
    EXPECT_NE(sites[1].explanation.find("'bin'"), std::string::npos);
}

// Every site of `type` in `design` validated by C simulation: all must be valid.
void expect_all_valid(const std::string& type, const std::string& design) {
    DesignSpec d = load_design(k_designs / design);
    fs::path file = injected_source(d);
    parse::Options o;
    o.top = d.top;
    o.use_libclang = false;
    std::string text = read_file(file);
    auto sites = sites_for(type, parse::parse_source(file.string(), text, o), SourceText(text));
    ASSERT_FALSE(sites.empty()) << type << " in " << design;
    std::vector<Injection> batch;
    for (const auto& s : sites) {
        batch.push_back(injection_from_sites({s}));
    }
    auto r = validate(d, batch);
    ASSERT_EQ(r.size(), sites.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
        EXPECT_EQ(r[i].verdict, Verdict::valid)
            << type << " " << design << " line " << sites[i].line << ": " << r[i].reason << "\n"
            << sites[i].original << "\n=> " << sites[i].faulty;
    }
}

TEST(RuleValidity, UseSitesChangeTheOutputs) {
    for (const char* d : {"sign_extend_mac", "moving_average", "adler32", "lut_interp"}) {
        expect_all_valid("USE", d);
    }
}

TEST(RuleValidity, MluSitesChangeTheOutputs) {
    for (const char* d : {"adler32", "dot_unrolled", "matvec"}) {
        expect_all_valid("MLU", d);
    }
}

} // namespace
} // namespace hlsv::inject
