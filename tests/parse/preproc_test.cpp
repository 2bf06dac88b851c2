// Conditional-directive evaluation: which lines stay, with the design's defines.
#include "parse/parse.h"
#include "parse/preproc.h"

#include <gtest/gtest.h>

namespace hlsv::parse {
namespace {

std::string line(const std::string& text, int n) {
    std::size_t b = 0;
    for (int i = 1; i < n; ++i) {
        b = text.find('\n', b) + 1;
    }
    return text.substr(b, text.find('\n', b) - b);
}

TEST(Preproc, BlanksInactiveBranchesKeepingOffsets) {
    std::string src = "#ifdef TIMER\n"
                      "int t;\n"
                      "#else\n"
                      "int u;\n"
                      "#endif\n"
                      "int v;\n";
    auto r = blank_inactive(src, {});
    EXPECT_EQ(r.text.size(), src.size());
    EXPECT_EQ(line(r.text, 2).find_first_not_of(' '), std::string::npos);
    EXPECT_EQ(line(r.text, 4), "int u;");
    EXPECT_EQ(line(r.text, 6), "int v;");
    EXPECT_EQ(line(r.text, 1).find_first_not_of(' '), std::string::npos); // directives blanked
    EXPECT_EQ(r.skipped_lines, 1);
    EXPECT_EQ(r.first_skipped_line, 2);

    Defines d;
    add_defines({"-DTIMER", "-O2"}, d);
    auto on = blank_inactive(src, d);
    EXPECT_EQ(line(on.text, 2), "int t;");
    EXPECT_EQ(line(on.text, 4).find_first_not_of(' '), std::string::npos);
}

TEST(Preproc, IfExpressionsElifAndFileDefines) {
    std::string src = "#define BANKS 4\n"
                      "#if BANKS == 3\n"
                      "int three;\n"
                      "#elif BANKS > 3 && !defined(__SYNTHESIS__)\n"
                      "int many;\n"
                      "#else\n"
                      "int few;\n"
                      "#endif\n"
                      "#if UNKNOWN_MACRO\n"
                      "int unknown_is_zero;\n"
                      "#endif\n";
    auto r = blank_inactive(src, {});
    EXPECT_EQ(line(r.text, 1), "#define BANKS 4");
    EXPECT_EQ(line(r.text, 3).find_first_not_of(' '), std::string::npos);
    EXPECT_EQ(line(r.text, 5), "int many;");
    EXPECT_EQ(line(r.text, 7).find_first_not_of(' '), std::string::npos);
    EXPECT_EQ(line(r.text, 10).find_first_not_of(' '), std::string::npos);
    EXPECT_EQ(r.skipped_regions, 3);
}

TEST(Preproc, NestedContinuedAndCommentedDirectives) {
    std::string src = "#if 0\n"
                      "#if 1\n"
                      "int inner_of_dead;\n"
                      "#endif\n"
                      "#endif\n"
                      "#if (1 + \\\n"
                      "     2) == 3 /* sum */\n"
                      "int kept;\n"
                      "#endif\n"
                      "/*\n"
                      "#if 0\n"
                      "*/\n"
                      "int after_comment;\n";
    auto r = blank_inactive(src, {});
    EXPECT_EQ(line(r.text, 3).find_first_not_of(' '), std::string::npos);
    EXPECT_EQ(line(r.text, 8), "int kept;");
    EXPECT_EQ(line(r.text, 13), "int after_comment;");
}

TEST(Preproc, ExpressionValues) {
    Defines d;
    add_defines({"N=16", "M", "-UM"}, d);
    EXPECT_EQ(eval_pp_expr("N * 2 >= 32 ? 7 : 9", d), 7);
    EXPECT_EQ(eval_pp_expr("defined M", d), 0);
    EXPECT_EQ(eval_pp_expr("0x10 == N", d), 1);
    EXPECT_EQ(eval_pp_expr("__has_include(<x.h>) || 1 << 2 == 4", d), 1);
    EXPECT_EQ(eval_pp_expr("N / 0", d), 0); // unreadable
}

TEST(Preproc, ParseActiveOnlySeesOneVariant) {
    std::string src = "void k(int a[8]) {\n"
                      "#ifdef FAST\n"
                      "  for (int i = 0; i < 8; i++) { a[i] = 0; }\n"
                      "#else\n"
                      "  for (int j = 0; j < 8; j++) { a[j] = 1; }\n"
                      "#endif\n"
                      "}\n";
    Options o;
    o.use_libclang = false;
    EXPECT_EQ(parse_source("k.cpp", src, o).loops.size(), 2u); // default: every variant
    o.active_only = true;
    auto facts = parse_source("k.cpp", src, o);
    ASSERT_EQ(facts.loops.size(), 1u);
    EXPECT_EQ(facts.loops[0].induction_var, "j");
    o.cflags = {"-DFAST"};
    facts = parse_source("k.cpp", src, o);
    ASSERT_EQ(facts.loops.size(), 1u);
    EXPECT_EQ(facts.loops[0].induction_var, "i");
}

} // namespace
} // namespace hlsv::parse
