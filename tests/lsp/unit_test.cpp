// Unit tests of the server's text handling: positions in UTF-16 and UTF-8, incremental edits,
// URIs, the pragma-line parser and each fix-it (applied, then the checker re-run on the result
// to prove the finding is gone).
#include "lsp/actions.h"
#include "lsp/documents.h"
#include "lsp/pragma_docs.h"

#include <gtest/gtest.h>

using namespace hlsv;
using namespace hlsv::lsp;
using json = nlohmann::json;

namespace {

/// Applies one TextEdit (UTF-16 positions) to `text`.
std::string apply_edit(const std::string& text, const json& edit) {
    const json& r = edit["range"];
    std::size_t a = offset_of(text, r["start"]["line"], r["start"]["character"], Encoding::utf16);
    std::size_t b = offset_of(text, r["end"]["line"], r["end"]["character"], Encoding::utf16);
    return text.substr(0, a) + edit["newText"].get<std::string>() + text.substr(b);
}

std::vector<check::Finding> findings(const std::string& text, const std::string& rule) {
    std::vector<check::Finding> out;
    for (auto& f : check::check_source("k.cpp", text)) {
        if (f.rule == rule && f.severity != check::Severity::note) {
            out.push_back(f);
        }
    }
    return out;
}

/// The fix-it of the first `rule` finding, applied; asserts the finding is then gone.
std::string fixed(const std::string& text, const std::string& rule, std::string* title = nullptr) {
    auto before = findings(text, rule);
    EXPECT_FALSE(before.empty()) << "no " << rule << " finding in:\n" << text;
    if (before.empty()) {
        return text;
    }
    auto fix = fix_it(text, before.front(), Encoding::utf16);
    EXPECT_TRUE(fix.has_value()) << rule;
    if (!fix) {
        return text;
    }
    if (title) {
        *title = fix->title;
    }
    std::string after = apply_edit(text, fix->edit);
    EXPECT_TRUE(findings(after, rule).empty()) << "still flagged after the fix-it:\n" << after;
    return after;
}

} // namespace

TEST(Positions, Utf16CountsSurrogatePairsAndClampsToTheLine) {
    std::string text = "a\xc3\xa9\xf0\x9f\x98\x80z\nnext\n"; // a é 😀 z
    EXPECT_EQ(offset_of(text, 0, 0, Encoding::utf16), 0u);
    EXPECT_EQ(offset_of(text, 0, 2, Encoding::utf16), 3u);  // after é
    EXPECT_EQ(offset_of(text, 0, 4, Encoding::utf16), 7u);  // after the pair
    EXPECT_EQ(offset_of(text, 0, 99, Encoding::utf16), 8u); // clamped before '\n'
    EXPECT_EQ(offset_of(text, 1, 2, Encoding::utf16), 11u);
    EXPECT_EQ(offset_of(text, 7, 0, Encoding::utf16), text.size());
    EXPECT_EQ(offset_of(text, 0, 3, Encoding::utf8), 3u);
    EXPECT_EQ(character_of("a\xc3\xa9\xf0\x9f\x98\x80z", 7, Encoding::utf16), 4);
    EXPECT_EQ(character_of("a\xc3\xa9\xf0\x9f\x98\x80z", 7, Encoding::utf8), 7);
}

TEST(Documents, IncrementalAndFullChangesInOrder) {
    Documents docs;
    docs.open({"file:///t/a.cpp", "/t/a.cpp", "cpp", "int a;\nint b;\n", 1});
    json changes = json::array(
        {{{"range",
           {{"start", {{"line", 1}, {"character", 4}}}, {"end", {{"line", 1}, {"character", 5}}}}},
          {"text", "bee"}},
         {{"range",
           {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
          {"text", "// x\n"}}});
    ASSERT_TRUE(docs.change("file:///t/a.cpp", 2, changes, Encoding::utf16));
    EXPECT_EQ(docs.get("file:///t/a.cpp")->text, "// x\nint a;\nint bee;\n");
    EXPECT_EQ(*docs.version("file:///t/a.cpp"), 2);
    ASSERT_TRUE(
        docs.change("file:///t/a.cpp", 3, json::array({{{"text", "void f();"}}}), Encoding::utf16));
    EXPECT_EQ(docs.get("file:///t/a.cpp")->text, "void f();");
    // Malformed change: refused, text kept.
    EXPECT_FALSE(docs.change("file:///t/a.cpp", 4, json::array({{{"range", 3}, {"text", "x"}}}),
                             Encoding::utf16));
    EXPECT_EQ(docs.get("file:///t/a.cpp")->text, "void f();");
    EXPECT_FALSE(docs.change("file:///t/none.cpp", 2, json::array(), Encoding::utf16));
}

TEST(Uris, RoundTripWithPercentEncoding) {
    EXPECT_EQ(uri_to_path("file:///a%20b/c%2B%2B.cpp")->string(), "/a b/c++.cpp");
    EXPECT_EQ(path_to_uri("/a b/c++.cpp"), "file:///a%20b/c%2B%2B.cpp");
    EXPECT_FALSE(uri_to_path("untitled:Untitled-1").has_value());
    EXPECT_EQ(uri_to_path("file://localhost/x.cpp")->string(), "/x.cpp");
}

TEST(PragmaLines, ParsesDirectiveAndStopsAtComment) {
    PragmaLine p = parse_pragma_line("  #pragma HLS PIPELINE II=1 // why");
    EXPECT_EQ(p.directive, "pipeline");
    EXPECT_EQ(p.begin, 2u);
    EXPECT_EQ(p.end, 27u);
    EXPECT_TRUE(parse_pragma_line("#pragma once").directive.empty());
    EXPECT_TRUE(parse_pragma_line("int x;").directive.empty());
    EXPECT_EQ(closest_word("pipline", {"pipeline", "unroll"}), "pipeline");
    EXPECT_EQ(closest_word("zz", {"pipeline"}), "");
}

TEST(FixIts, NestedPipelineRemovesTheInnerPragmaLine) {
    std::string text = "void top(int a[8][8], int out[8]) {\n"
                       "    for (int i = 0; i < 8; i++) {\n"
                       "#pragma HLS pipeline II=1\n"
                       "        int acc = 0;\n"
                       "        for (int j = 0; j < 8; j++) {\n"
                       "#pragma HLS pipeline II=1\n"
                       "            acc += a[i][j];\n"
                       "        }\n"
                       "        out[i] = acc;\n"
                       "    }\n"
                       "}\n";
    std::string title;
    std::string after = fixed(text, "hls-nested-pipeline", &title);
    EXPECT_EQ(title, "Remove '#pragma HLS pipeline II=1'");
    EXPECT_EQ(std::count(after.begin(), after.end(), '\n'), 10);
}

TEST(FixIts, UnknownDirectiveAndOptionAreRespelled) {
    std::string text = "void top(int a[16]) {\n"
                       "    for (int i = 0; i < 16; i++) {\n"
                       "#pragma HLS pipline II=1\n"
                       "        a[i] = i;\n"
                       "    }\n"
                       "}\n";
    std::string title;
    std::string after = fixed(text, "hls-unknown-pragma-option", &title);
    EXPECT_NE(after.find("#pragma HLS pipeline II=1"), std::string::npos) << after;
    EXPECT_EQ(title, "Change 'pipline' to 'pipeline'");
    std::string opt = "void top(int a[16]) {\n"
                      "    for (int i = 0; i < 16; i++) {\n"
                      "#pragma HLS unroll factr=4\n"
                      "        a[i] = i;\n"
                      "    }\n"
                      "}\n";
    after = fixed(opt, "hls-unknown-pragma-option");
    EXPECT_NE(after.find("#pragma HLS unroll factor=4"), std::string::npos) << after;
}

TEST(FixIts, PartitionCompleteWithFactorBecomesCyclic) {
    std::string text = "void top(int a[16], int out[16]) {\n"
                       "    int buf[16];\n"
                       "#pragma HLS array_partition variable=buf type=complete factor=4\n"
                       "    for (int i = 0; i < 16; i++) {\n"
                       "        buf[i] = a[i];\n"
                       "    }\n"
                       "    for (int i = 0; i < 16; i++) {\n"
                       "        out[i] = buf[i];\n"
                       "    }\n"
                       "}\n";
    std::string after = fixed(text, "hls-partition-factor");
    EXPECT_NE(after.find("type=cyclic factor=4"), std::string::npos) << after;
}

TEST(FixIts, MisspelledVariableNamesTheClosestDeclaration) {
    std::string text = "void top(int a[16], int out[16]) {\n"
                       "    int window[16];\n"
                       "#pragma HLS array_partition variable=windw type=cyclic factor=4\n"
                       "    for (int i = 0; i < 16; i++) {\n"
                       "        window[i] = a[i];\n"
                       "    }\n"
                       "    for (int i = 0; i < 16; i++) {\n"
                       "        out[i] = window[i];\n"
                       "    }\n"
                       "}\n";
    std::string after = fixed(text, "hls-pragma-variable");
    EXPECT_NE(after.find("variable=window type"), std::string::npos) << after;
}

TEST(FixIts, IgnoreCommentSilencesTheFindingAndKeepsIndentation) {
    std::string text = "void top(int a[4]) {\n"
                       "    a[4] = 1;\n"
                       "}\n";
    auto before = findings(text, "hls-constant-index-out-of-bounds");
    ASSERT_EQ(before.size(), 1u);
    FixIt ig = ignore_action(text, before.front(), Encoding::utf16);
    std::string after = apply_edit(text, ig.edit);
    EXPECT_NE(after.find("    // hlsv-ignore hls-constant-index-out-of-bounds\n    a[4] = 1;"),
              std::string::npos)
        << after;
    EXPECT_TRUE(findings(after, "hls-constant-index-out-of-bounds").empty());
}
