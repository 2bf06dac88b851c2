// validate(): real C simulation and the real static checker on tests/inject/designs/blend.
#include "inject/inject.h"

#include <gtest/gtest.h>

namespace hlsv::inject {
namespace {

const fs::path k_blend = fs::path(HLSV_INJECT_TESTS) / "designs" / "blend";

Injection one(std::string type, std::string orig, std::string faulty) {
    Injection inj;
    inj.error_size = 1;
    inj.specs.push_back(
        ErrorSpec{std::move(type), std::move(orig), std::move(faulty), std::nullopt, ""});
    return inj;
}

TEST(Validate, BatchOfVerdicts) {
    DesignSpec d = load_design(k_blend);
    std::vector<Injection> batch = {
        // Writes out[16]: the testbench's guard element changes -> fail.
        one("OOB", "for (int k = 0; k < BL_N; k++) {\n        out[k]",
            "for (int k = 0; k <= BL_N; k++) {\n        out[k]"),
        // Rounding constant shifted away -> outputs differ.
        one("SHFT", "out[k] = (acc[k] + 128) >> 8;", "out[k] = (acc[k] + 128) >> 41;"),
        // Not in the design.
        one("OOB", "out[j] = 0;", "out[j + 1] = 0;"),
        // Labelled INIT, but a renamed operand removes no initializer: the type classifier
        // rejects it before anything is compiled.
        one("INIT", "int weight = 256 - alpha;", "int weight = 256 - alpah;"),
        // A comment-only edit.
        one("INIT", "int weight = 256 - alpha;", "int weight = 256 - alpha; // w"),
        // Same object code: (x + 128) >> 8 written with the parentheses the compiler ignores.
        one("PREC", "out[k] = (acc[k] + 128) >> 8;", "out[k] = ((acc[k] + 128)) >> 8;"),
        // Requested type mismatch is checked by the caller through `requested`; here a pragma
        // type: the partition factor no longer divides 16 -> the static checker sees it.
        one("FND", "#pragma HLS array_partition variable=acc type=cyclic factor=4 dim=1",
            "#pragma HLS array_partition variable=acc type=cyclic factor=5 dim=1"),
        // A true SHFT that does not compile (undeclared name).
        one("SHFT", "out[k] = (acc[k] + 128) >> 8;", "out[k] = (acc[k] + 128) >> (40 + sh_undef);"),
    };
    auto r = validate(d, batch);
    ASSERT_EQ(r.size(), batch.size());
    EXPECT_EQ(r[0].verdict, Verdict::valid) << r[0].reason;
    EXPECT_FALSE(r[0].evidence.empty());
    EXPECT_EQ(r[1].verdict, Verdict::valid) << r[1].reason;
    EXPECT_EQ(r[2].verdict, Verdict::invalid);
    EXPECT_NE(r[2].reason.find("not found"), std::string::npos) << r[2].reason;
    EXPECT_EQ(r[3].verdict, Verdict::invalid);
    EXPECT_EQ(r[3].reason.rfind("type-mismatch", 0), 0u) << r[3].reason;
    EXPECT_EQ(r[7].verdict, Verdict::invalid);
    EXPECT_NE(r[7].reason.find("compile_error"), std::string::npos) << r[7].reason;
    EXPECT_EQ(r[4].verdict, Verdict::invalid);
    EXPECT_NE(r[4].reason.find("no-op"), std::string::npos) << r[4].reason;
    EXPECT_EQ(r[5].verdict, Verdict::invalid) << r[5].reason;
    EXPECT_EQ(r[6].verdict, Verdict::valid) << r[6].reason;
    EXPECT_EQ(r[6].evidence, "pragma finding");
    auto j = r[0].to_json();
    EXPECT_EQ(j["verdict"], "valid");
    EXPECT_TRUE(j.contains("evidence") && j.contains("reason") && j.contains("changed_lines"));
    EXPECT_EQ(r[0].changed_lines, std::vector<int>{16});
}

TEST(Validate, RequestedTypesAreEnforced) {
    DesignSpec d = load_design(k_blend);
    ValidateOptions o;
    o.requested = {"INIT"};
    auto r = validate(
        d, {one("OOB", "out[k] = (acc[k] + 128) >> 8;", "out[k] = (acc[k + 1] + 128) >> 8;")}, o);
    EXPECT_EQ(r[0].verdict, Verdict::invalid);
    EXPECT_NE(r[0].reason.find("not requested"), std::string::npos) << r[0].reason;
}

TEST(Validate, RuleInjectionsOnAnUnseenDesign) {
    DesignSpec d = load_design(k_blend);
    std::string text = read_file(injected_source(d));
    SourceText src(text);
    auto facts = parse::parse_source("blend.cpp", text);
    std::vector<Injection> batch;
    for (const char* t : {"OOB", "SHFT", "INF", "ZERO"}) {
        batch.push_back(inject_with_rules(facts, src, {t}, 1, "blend"));
    }
    auto r = validate(d, batch);
    for (std::size_t i = 0; i < r.size(); ++i) {
        EXPECT_EQ(r[i].verdict, Verdict::valid) << batch[i].specs[0].type << ": " << r[i].reason;
    }
}

} // namespace
} // namespace hlsv::inject
