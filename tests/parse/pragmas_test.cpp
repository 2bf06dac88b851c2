// Pragma syntax: modern and legacy options, scope (function vs loop), targets, odd placements.
#include "parse/parse.h"

#include <gtest/gtest.h>

using namespace hlsv;
using namespace hlsv::parse;

namespace {

const fs::path fixtures = HLSV_PARSE_FIXTURES;

DesignFacts syntactic(const std::string& code) {
    Options o;
    o.use_libclang = false;
    return parse_source("p.cpp", code, o);
}

} // namespace

TEST(ParsePragmas, LegacyPositionalForms) {
    auto f = parse_file(fixtures / "legacy.cpp");
    ASSERT_EQ(f.pragmas.size(), 10u);
    const auto& p = f.pragmas;
    EXPECT_EQ(p[0].directive, "interface");
    EXPECT_EQ(p[0].options["mode"], "s_axilite");
    EXPECT_EQ(p[0].options["port"], "return");
    EXPECT_EQ(p[0].options["bundle"], "ctrl");
    EXPECT_TRUE(p[0].target_resolved); // port=return
    EXPECT_EQ(p[1].options["mode"], "m_axi");
    EXPECT_EQ(p[2].options["port"], "b"); // `port = b` with spaces
    EXPECT_EQ(p[2].target, "b");
    EXPECT_EQ(p[3].directive, "array_partition"); // ARRAY_PARTITION lower-cased
    EXPECT_EQ(p[3].options["type"], "complete");
    EXPECT_EQ(p[3].options["dim"], "1");
    EXPECT_EQ(p[4].options["type"], "cyclic");
    EXPECT_EQ(p[4].options["factor"], "4");
    EXPECT_EQ(p[5].directive, "array_reshape"); // a `\`-continued line
    EXPECT_EQ(p[5].options["type"], "block");
    EXPECT_EQ(p[5].options["dim"], "1");
    EXPECT_EQ(p[6].directive, "resource");
    EXPECT_EQ(p[6].target, "nonexistent");
    EXPECT_FALSE(p[6].target_resolved);
    EXPECT_FALSE(p[6].options.contains("//")); // trailing comment dropped
    EXPECT_EQ(p[7].directive, "pipeline");     // right after an unbraced for header
    EXPECT_EQ(p[7].options["ii"], "2");
    EXPECT_EQ(p[7].options["rewind"], true);
    EXPECT_EQ(p[7].loop, 0);
    EXPECT_EQ(p[8].directive, "unroll"); // _Pragma("HLS unroll factor=2")
    EXPECT_EQ(p[8].line, 17);
    EXPECT_EQ(p[8].loop, 1);
    EXPECT_EQ(p[8].options["factor"], "2");
    EXPECT_EQ(p[9].directive, "inline");
    EXPECT_EQ(p[9].options["off"], true);
    EXPECT_FALSE(p[9].loop);
    EXPECT_EQ(p[9].function, "legacy");
    for (const auto& d : f.diagnostics) {
        EXPECT_NE(d.severity, "warning") << d.message; // valid code: no syntax warnings
    }
}

TEST(ParsePragmas, UnbracedLoopBodyExtendsTheLoop) {
    auto f = parse_file(fixtures / "legacy.cpp");
    ASSERT_EQ(f.loops.size(), 2u);
    EXPECT_EQ(f.loops[0].line_start, 13);
    EXPECT_EQ(f.loops[0].line_end, 15); // the statement after the pragma is the body
    EXPECT_EQ(f.loops[0].body_line_start, 15);
}

TEST(ParsePragmas, ModernFormsAndTargets) {
    auto f = parse_file(fixtures / "fir.cpp");
    ASSERT_EQ(f.pragmas.size(), 7u);
    EXPECT_EQ(f.pragmas[0].function, "mac");
    EXPECT_EQ(f.pragmas[1].options["mode"], "m_axi");
    EXPECT_EQ(f.pragmas[1].options["depth"], "64");
    EXPECT_EQ(f.pragmas[1].target, "x");
    EXPECT_TRUE(f.pragmas[1].target_resolved);
    EXPECT_TRUE(f.pragmas[4].target_resolved); // shift_reg, a local
    EXPECT_EQ(f.pragmas[5].options["ii"], "1");
    EXPECT_EQ(f.pragmas[5].loop, 0);
    EXPECT_EQ(f.pragmas[6].loop, 1);
    EXPECT_EQ(f.pragmas[6].options["skip_exit_check"], true);
    EXPECT_EQ(f.pragmas[6].text, "unroll factor=4 skip_exit_check");
}

TEST(ParsePragmas, ScopeOfPlacements) {
    auto f = syntactic(R"(int g[8];
#pragma HLS array_partition variable=g complete
void top(int a[8]) {
#pragma HLS dataflow
    for (int i = 0; i < 8; i++) {
        for (int j = 0; j < 8; j++)
            a[j] += i;
#pragma HLS pipeline
    }
    while (1)
#pragma HLS unroll
#pragma HLS loop_tripcount max=3
        for (int k = 0; k < 2; k++) a[k] = 0;
#pragma once
#pragma omp parallel
}
)");
    ASSERT_EQ(f.pragmas.size(), 5u); // not `once`, not `omp`
    EXPECT_EQ(f.pragmas[0].function, "");
    EXPECT_TRUE(f.pragmas[0].target_resolved); // a global
    EXPECT_EQ(f.pragmas[1].function, "top");
    EXPECT_FALSE(f.pragmas[1].loop);
    EXPECT_EQ(f.pragmas[2].loop, 0); // after the inner loop, still in the outer body
    EXPECT_EQ(f.pragmas[3].loop, 2); // after an unbraced while header
    EXPECT_EQ(f.pragmas[4].loop, 2);
    ASSERT_EQ(f.loops.size(), 4u);
    EXPECT_EQ(f.loops[3].parent, 2); // the for loop is the while's body
    EXPECT_EQ(f.loops[3].depth, 1);
    EXPECT_EQ(f.loops[2].line_end, 13);
}

TEST(ParsePragmas, OddSpellings) {
    auto f = syntactic("void t(int a[4]) {\n"
                       "#pragma hls PIPELINE ii = 2 style=flp\n"
                       "#pragma HLS\n"
                       "#  pragma   HLS   interface  port=a  mode=BRAM\n"
                       "}\n");
    ASSERT_EQ(f.pragmas.size(), 2u);
    EXPECT_EQ(f.pragmas[0].options["ii"], "2");
    EXPECT_EQ(f.pragmas[0].options["style"], "flp");
    EXPECT_EQ(f.pragmas[1].options["mode"], "bram");
    bool warned = false;
    for (const auto& d : f.diagnostics) {
        warned = warned || d.message.find("without a directive") != std::string::npos;
    }
    EXPECT_TRUE(warned);
}

// The same binding as the checker's (tests/check/hls-nested-pipeline, hls-pragma-placement): a
// pragma under nested brace-less loop headers belongs to the innermost loop, also behind a
// label, and a loop macro's block is a loop.
TEST(ParsePragmas, NestedBracelessLoopsAndLoopMacrosBindTheirPragmas) {
    auto f = syntactic("#define EACH(k, n) for (int k = 0; k < (n); k++)\n" // 1
                       "void top(int a[64], int b[64]) {\n"                 // 2
                       "tile:\n"                                            // 3
                       "    for (int i = 0; i < 8; i++)\n"                  // 4
                       "        for (int j = 0; j < 8; j++)\n"              // 5
                       "#pragma HLS PIPELINE II=1\n"                        // 6
                       "            b[i * 8 + j] = a[i * 8 + j];\n"         // 7
                       "    EACH(k, 64) {\n"                                // 8
                       "#pragma HLS UNROLL factor=4\n"                      // 9
                       "        b[k] += 1;\n"                               // 10
                       "    }\n"                                            // 11
                       "}\n");
    ASSERT_EQ(f.loops.size(), 3u);
    EXPECT_EQ(f.loops[0].label, "tile");
    EXPECT_EQ(f.loops[0].line_end, 7); // ends with its inner loop's body
    EXPECT_EQ(f.loops[1].line_end, 7);
    EXPECT_EQ(f.loops[1].body_line_start, 7);
    EXPECT_EQ(f.loops[2].kind, "macro");
    EXPECT_EQ(f.loops[2].line_start, 8);
    EXPECT_EQ(f.loops[2].line_end, 11);
    ASSERT_EQ(f.pragmas.size(), 2u);
    EXPECT_EQ(f.pragmas[0].loop, 1);
    EXPECT_EQ(f.pragmas[1].loop, 2);
}
