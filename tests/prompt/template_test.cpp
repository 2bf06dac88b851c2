// Templates: section parsing, placeholders, one-pass rendering, clear errors.
#include "prompt/prompt.h"

#include <gtest/gtest.h>

namespace hlsv::prompt {
namespace {

TEST(Template, ParsesSectionsAndSkipsLeadingComments) {
    Template t = parse_template("# a comment {{ignored}}\n\n### system\nYou are {{role}}.\n\n"
                                "### user\nDo {{task}} for {{role}}.\n",
                                "t");
    EXPECT_EQ(t.system, "You are {{role}}.");
    EXPECT_EQ(t.user, "Do {{task}} for {{role}}.");
    EXPECT_EQ(t.placeholders(), (std::vector<std::string>{"role", "task"}));
}

TEST(Template, RejectsMissingDuplicateAndStraySections) {
    EXPECT_THROW(parse_template("### system\nx\n", "t"), InputError);
    EXPECT_THROW(parse_template("### user\nx\n", "t"), InputError);
    EXPECT_THROW(parse_template("### system\na\n### user\nb\n### user\nc\n", "t"), InputError);
    EXPECT_THROW(parse_template("hello\n### system\na\n### user\nb\n", "t"), InputError);
    try {
        parse_template("### system\nx\n", "mytemplate.txt");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("mytemplate.txt"), std::string::npos);
    }
}

TEST(Template, RendersInOnePassSoValuesWithBracesStayLiteral) {
    std::string out =
        render("A {{x}} B {{y}}", {{"x", "int a[2][2] = {{1, 2}, {3, 4}};"}, {"y", "{{x}}"}}, "t");
    EXPECT_EQ(out, "A int a[2][2] = {{1, 2}, {3, 4}}; B {{x}}");
}

TEST(Template, KeepsNonPlaceholderBracesAndNamesTheMissingPlaceholder) {
    EXPECT_EQ(render("{{ 1, 2 }} and {{Upper}}", {}, "t"), "{{ 1, 2 }} and {{Upper}}");
    try {
        render("hi {{who}}", {}, "greeting.txt");
        FAIL();
    } catch (const InputError& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("greeting.txt"), std::string::npos);
        EXPECT_NE(what.find("{{who}}"), std::string::npos);
    }
}

TEST(Template, ShippedTemplatesUseTheDocumentedPlaceholders) {
    for (const char* name : {"inject_icl_rag_cot.txt", "inject_rag_icl.txt", "localize.txt"}) {
        Template t = load_template(fs::path(HLSV_PROMPTS_DIR) / name);
        auto ph = t.placeholders();
        for (const char* needed :
             {"context", "examples", "design", "function", "reply_schema", "bug_type"}) {
            EXPECT_NE(std::find(ph.begin(), ph.end(), needed), ph.end()) << name << " " << needed;
        }
    }
    auto cot = load_template(fs::path(HLSV_PROMPTS_DIR) / "inject_icl_rag_cot.txt").placeholders();
    EXPECT_NE(std::find(cot.begin(), cot.end(), "steps"), cot.end());
    EXPECT_NE(std::find(cot.begin(), cot.end(), "rules"), cot.end());
}

TEST(Strategy, UntriedFirstThenBestRateTiesToIclRagCot) {
    using S = Strategy;
    EXPECT_EQ(pick_strategy({}), S::icl_rag_cot);
    EXPECT_EQ(pick_strategy({{S::icl_rag_cot, {5, 1}}}), S::rag_icl);
    EXPECT_EQ(pick_strategy({{S::icl_rag_cot, {5, 1}}, {S::rag_icl, {0, 0}}}), S::rag_icl);
    EXPECT_EQ(pick_strategy({{S::rag_icl, {5, 5}}}), S::icl_rag_cot);
    EXPECT_EQ(pick_strategy({{S::icl_rag_cot, {10, 3}}, {S::rag_icl, {10, 6}}}), S::rag_icl);
    EXPECT_EQ(pick_strategy({{S::icl_rag_cot, {10, 7}}, {S::rag_icl, {10, 6}}}), S::icl_rag_cot);
    EXPECT_EQ(pick_strategy({{S::icl_rag_cot, {10, 5}}, {S::rag_icl, {4, 2}}}), S::icl_rag_cot);
    EXPECT_EQ(pick_strategy({{S::icl_rag_cot, {3, 0}}, {S::rag_icl, {3, 0}}}), S::icl_rag_cot);
}

TEST(Strategy, NamesRoundTripAndAutoIsNone) {
    for (Strategy s : all_strategies()) {
        EXPECT_EQ(parse_strategy(to_string(s)), s);
    }
    EXPECT_FALSE(parse_strategy("auto").has_value());
    EXPECT_THROW(parse_strategy("cot"), InputError);
}

} // namespace
} // namespace hlsv::prompt
