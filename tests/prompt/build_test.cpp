// Building injection and localization prompts from the shipped templates and catalog.
#include "prompt/prompt.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hlsv::prompt {
namespace {

const char* kDesign = R"(#include <ap_int.h>
#define N 16
void vadd(const int a[N], const int b[N], int out[N]) {
    int init[2][2] = {{1, 2}, {3, 4}}; // {{not_a_placeholder}}
VADD:
    for (int i = 0; i < N; i++) {
#pragma HLS pipeline II=1
        out[i] = a[i] + b[i] + init[i & 1][0];
    }
}
)";

const BugCatalog& catalog() {
    static const BugCatalog c = BugCatalog::load(fs::path(HLSV_PROMPTS_DIR) / "bugs.json");
    return c;
}

Builder builder() {
    return Builder(catalog(), HLSV_PROMPTS_DIR);
}

Example fir_example() {
    Example ex;
    ex.design_name = "fir";
    ex.source = "void fir(int x[8], int y[8]) {\n  for (int i = 0; i < 8; i++) y[i] = x[i];\n}\n";
    ex.injection_json = R"J({"Error Size": 1, "Error Specification": [{"Error Type": "OOB",
        "Original Code": "for (int i = 0; i < 8; i++)", "Faulty Code": "for (int i = 0; i <= 8; i++)"}]})J";
    ex.bug_types = {"OOB"};
    return ex;
}

InjectInput input(Strategy s) {
    InjectInput in;
    in.bug_types = {"OOB"};
    in.design_name = "vadd";
    in.function = "vadd";
    in.source = kDesign;
    in.strategy = s;
    in.examples = {fir_example()};
    return in;
}

TEST(Build, IclRagCotHasSystemAndUserWithEverySection) {
    auto msgs = builder().inject(input(Strategy::icl_rag_cot));
    ASSERT_EQ(msgs.size(), 2u);
    EXPECT_EQ(msgs[0].role, "system");
    EXPECT_EQ(msgs[1].role, "user");
    const std::string& u = msgs[1].content;
    EXPECT_NE(u.find(kDesign), std::string::npos) << "design verbatim, braces untouched";
    EXPECT_NE(u.find("`vadd`"), std::string::npos);
    EXPECT_NE(u.find(catalog().at("OOB").specification), std::string::npos);
    EXPECT_NE(u.find(catalog().at("OOB").rules[0]), std::string::npos);
    EXPECT_NE(u.find("1. " + catalog().at("OOB").cot_steps[0]), std::string::npos);
    EXPECT_NE(u.find("design `fir`"), std::string::npos);
    EXPECT_NE(u.find("i <= 8"), std::string::npos);
    EXPECT_NE(u.find("\"Error Size\": 1"), std::string::npos);
    EXPECT_NE(u.find("\"Error Type\": \"OOB\""), std::string::npos);
    EXPECT_EQ(u.find("{{"), u.find("{{1, 2}")) << "no placeholder left unrendered";
}

TEST(Build, RagIclLeavesOutTheSteps) {
    auto msgs = builder().inject(input(Strategy::rag_icl));
    const std::string& u = msgs[1].content;
    EXPECT_EQ(u.find(catalog().at("OOB").cot_steps[0]), std::string::npos);
    EXPECT_NE(u.find("design `fir`"), std::string::npos);
    EXPECT_LT(u.find("design `fir`"), u.find(kDesign)) << "examples come first";
    EXPECT_NE(msgs, builder().inject(input(Strategy::icl_rag_cot)));
}

TEST(Build, TwoTypesGiveTwoSchemaEntriesAndBothSpecifications) {
    InjectInput in = input(Strategy::icl_rag_cot);
    in.bug_types = {"OOB", "APT"};
    auto u = builder().inject(in)[1].content;
    EXPECT_NE(u.find("\"Error Size\": 2"), std::string::npos);
    EXPECT_NE(u.find("\"Error Type\": \"APT\""), std::string::npos);
    EXPECT_NE(u.find(catalog().at("APT").specification), std::string::npos);
    EXPECT_NE(u.find("For APT:"), std::string::npos);
    auto sys = builder().inject(in)[0].content;
    EXPECT_NE(sys.find("pragma bug"), std::string::npos);
}

TEST(Build, ZeroExamplesSaySoAndUnknownTypesAreInputErrors) {
    InjectInput in = input(Strategy::icl_rag_cot);
    in.examples.clear();
    EXPECT_NE(builder().inject(in)[1].content.find("No retrieved examples"), std::string::npos);
    in.bug_types = {"NOPE"};
    EXPECT_THROW(builder().inject(in), InputError);
    in.bug_types = {};
    EXPECT_THROW(builder().inject(in), InputError);
    in.bug_types = {"OOB"};
    in.source = "  \n";
    EXPECT_THROW(builder().inject(in), InputError);
}

TEST(Build, SameInputGivesTheSameMessages) {
    EXPECT_EQ(builder().inject(input(Strategy::icl_rag_cot)),
              builder().inject(input(Strategy::icl_rag_cot)));
}

TEST(Build, LocalizePromptCarriesSymptomTypesAndSchema) {
    LocalizeInput in;
    in.design_name = "vadd";
    in.function = "vadd";
    in.source = kDesign;
    in.symptom = "C simulation: output mismatch at out[15]";
    in.bug_types = {"OOB", "INIT"};
    in.examples = {fir_example()};
    in.max_candidates = 3;
    auto msgs = builder().localize(in);
    ASSERT_EQ(msgs.size(), 2u);
    EXPECT_NE(msgs[1].content.find("output mismatch at out[15]"), std::string::npos);
    EXPECT_NE(msgs[1].content.find("\"Candidates\""), std::string::npos);
    EXPECT_NE(msgs[1].content.find("At most 3 candidates"), std::string::npos);
    EXPECT_NE(msgs[1].content.find(catalog().at("INIT").specification), std::string::npos);
    in.bug_types.clear(); // all types
    EXPECT_NE(builder().localize(in)[1].content.find("ILNU"), std::string::npos);
}

TEST(Build, MissingTemplateDirectoryIsAnInputError) {
    EXPECT_THROW(Builder(catalog(), "/nonexistent/prompts"), InputError);
}

TEST(Excerpt, LongSourcesKeepTheLinesTheBugTouches) {
    std::string src;
    for (int i = 0; i < 400; ++i) {
        src += "int filler_" + std::to_string(i) + " = " + std::to_string(i) + ";\n";
    }
    src += "for (int i = 0; i < 8; i++) y[i] = x[i];\n";
    for (int i = 0; i < 400; ++i) {
        src += "int tail_" + std::to_string(i) + ";\n";
    }
    std::string out = excerpt(src, {"for (int i = 0;  i < 8; i++)"}, 2000);
    EXPECT_LE(out.size(), 2100u);
    EXPECT_NE(out.find("y[i] = x[i];"), std::string::npos);
    EXPECT_NE(out.find("// ..."), std::string::npos);
    EXPECT_EQ(out.find("filler_0 "), std::string::npos);
    EXPECT_EQ(excerpt("short", {}, 100), "short");
    std::string head = excerpt(src, {"not present"}, 500);
    EXPECT_LE(head.size(), 560u);
    EXPECT_NE(head.find("filler_0 "), std::string::npos);
}

TEST(Print, JsonIsAnArrayOfRoleContentAndTextHasBanners) {
    std::vector<Message> msgs = {{"system", "s \"q\""}, {"user", "u\nline"}};
    auto j = nlohmann::json::parse(to_json(msgs));
    ASSERT_TRUE(j.is_array());
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["role"], "system");
    EXPECT_EQ(j[0]["content"], "s \"q\"");
    EXPECT_EQ(j[1]["content"], "u\nline");
    std::string text = to_text(msgs);
    EXPECT_NE(text.find("=== system ===\ns \"q\""), std::string::npos);
    EXPECT_NE(text.find("=== user ===\nu\nline"), std::string::npos);
}

} // namespace
} // namespace hlsv::prompt

namespace hlsv::prompt {
namespace {

TEST(Build, ExampleWithoutSourceShowsOnlyItsBugFile) {
    InjectInput in = input(Strategy::icl_rag_cot);
    in.examples[0].source.clear();
    auto u = builder().inject(in)[1].content;
    auto at = u.find("design `fir`");
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(u.find("```cpp", at), u.find("```cpp\n#include <ap_int.h>")) << "no empty code block";
    EXPECT_NE(u.find("i <= 8", at), std::string::npos);
}

} // namespace
} // namespace hlsv::prompt
