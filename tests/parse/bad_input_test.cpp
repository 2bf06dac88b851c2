// Bad input: each case ends in facts plus diagnostics or a one-line InputError, never a crash,
// a hang or empty output.
#include "parse/parse.h"

#include <fstream>
#include <gtest/gtest.h>
#include <stdlib.h>

using namespace hlsv;
using namespace hlsv::parse;

namespace {

class TempDir {
  public:
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "hlsv_parse_XXXXXX").string();
        path_ = mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    fs::path write(const std::string& name, const std::string& content) const {
        fs::path p = path_ / name;
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

std::string error_of(const fs::path& p) {
    try {
        parse_file(p);
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ExitCode::usage);
        std::string msg = e.what();
        EXPECT_EQ(msg.find('\n'), std::string::npos) << "one line: " << msg;
        EXPECT_NE(msg.find(p.string()), std::string::npos) << "names the file: " << msg;
        return msg;
    }
    ADD_FAILURE() << "no InputError for " << p;
    return "";
}

} // namespace

TEST(ParseBadInput, NonexistentPath) {
    TempDir t;
    EXPECT_NE(error_of(t.path() / "nope.cpp").find("no such file"), std::string::npos);
}

TEST(ParseBadInput, Directory) {
    TempDir t;
    EXPECT_NE(error_of(t.path()).find("directory"), std::string::npos);
}

TEST(ParseBadInput, BinaryFile) {
    TempDir t;
    std::string bin = "\x7f"
                      "ELF\x02\x01\x01";
    bin += std::string(64, '\0');
    EXPECT_NE(error_of(t.write("a.out.cpp", bin)).find("binary"), std::string::npos);
}

TEST(ParseBadInput, NonUtf8GivesFactsAndAWarning) {
    TempDir t;
    auto p = t.write("latin1.cpp", "// caf\xe9 \xff\xfe\nvoid f(int a[4]) {\n"
                                   "  for (int i = 0; i < 4; i++) a[i] = 0; // \xe9t\xe9\n}\n");
    auto f = parse_file(p);
    ASSERT_EQ(f.functions.size(), 1u);
    ASSERT_EQ(f.loops.size(), 1u);
    EXPECT_EQ(f.loops[0].trip_count, 4);
    ASSERT_FALSE(f.diagnostics.empty());
    EXPECT_EQ(f.diagnostics[0].severity, "warning");
    EXPECT_EQ(f.diagnostics[0].line, 1);
    EXPECT_NE(f.diagnostics[0].message.find("UTF-8"), std::string::npos);
    EXPECT_NO_THROW(to_json(f).dump()); // JSON output needs valid UTF-8
}

TEST(ParseBadInput, EmptyFile) {
    TempDir t;
    auto f = parse_file(t.write("empty.cpp", ""));
    EXPECT_TRUE(f.functions.empty());
    EXPECT_EQ(f.diagnostics.at(0).message, "file is empty");
}

TEST(ParseBadInput, UnbalancedBraces) {
    TempDir t;
    auto f = parse_file(t.write("u.cpp", "void f(int a[8]) {\n  for (int i = 0; i < 8; i++) {\n"
                                         "#pragma HLS pipeline\n    a[i] = 1;\n}\n}\n}\n}\n"
                                         "void g() { {{{ \n"));
    ASSERT_FALSE(f.functions.empty()); // `g` after the stray braces may be lost; `f` is not
    EXPECT_EQ(f.functions[0].name, "f");
    EXPECT_EQ(f.loops.size(), 1u);
    EXPECT_EQ(f.pragmas.size(), 1u);
    bool syntax = false;
    for (const auto& d : f.diagnostics) {
        syntax = syntax || d.message.find("syntax error") != std::string::npos;
    }
    EXPECT_TRUE(syntax);
}

TEST(ParseBadInput, DeepNestingDoesNotOverflowTheStack) {
    TempDir t;
    std::string code = "void f() {\n";
    for (int i = 0; i < 5000; ++i)
        code += "{";
    code += "for (int i = 0; i < 2; i++) {}";
    for (int i = 0; i < 5000; ++i)
        code += "}";
    code += "\n}\n";
    Options o;
    o.use_libclang = false;
    auto f = parse_file(t.write("deep.cpp", code), o);
    EXPECT_EQ(f.functions.size(), 1u);
    bool warned = false;
    for (const auto& d : f.diagnostics) {
        warned = warned || d.message.find("nesting too deep") != std::string::npos;
    }
    EXPECT_TRUE(warned);
}

TEST(ParseBadInput, TenThousandFunctions) {
    TempDir t;
    std::string code = "#define N 8\n";
    for (int i = 0; i < 10000; ++i) {
        code += "void f" + std::to_string(i) +
                "(int a[N]) {\n#pragma HLS inline\n"
                "  for (int i = 0; i < N; i++) a[i] = " +
                std::to_string(i) + ";\n}\n";
    }
    auto f = parse_file(t.write("many.cpp", code));
    ASSERT_EQ(f.functions.size(), 10000u);
    EXPECT_EQ(f.loops.size(), 10000u);
    EXPECT_EQ(f.pragmas.size(), 10000u);
    EXPECT_EQ(f.loops[9999].trip_count, 8);
    EXPECT_EQ(f.pragmas[9999].function, "f9999");
    EXPECT_TRUE(f.functions.back().is_top); // none is called: the last one
}

TEST(ParseBadInput, ThreeMegabytesGiveFactsWithoutLibclang) {
    TempDir t;
    std::string unit = "void k(int a[16]) {\n  for (int i = 0; i < 16; i++) {\n"
                       "#pragma HLS unroll factor=2\n    a[i] = a[i] * 3 + 1;\n  }\n}\n";
    std::string code;
    while (code.size() < (3u << 20)) {
        code += unit;
    }
    auto f = parse_file(t.write("big.cpp", code));
    EXPECT_EQ(f.functions.size(), code.size() / unit.size());
    EXPECT_EQ(f.loops.back().trip_count, 16);
    EXPECT_FALSE(f.semantic);
    bool note = false;
    for (const auto& d : f.diagnostics) {
        note = note ||
               (d.severity == "note" && d.message.find("libclang skipped") != std::string::npos);
    }
    EXPECT_TRUE(note);
}

TEST(ParseBadInput, TwentyMegabytesIsAClearErrorAtOnce) {
    TempDir t;
    std::string line = "int x; // padding padding padding padding padding padding padding\n";
    std::string code;
    code.reserve(20u << 20);
    while (code.size() < (20u << 20)) {
        code += line;
    }
    fs::path p = t.write("big20.cpp", code);
    std::string msg = error_of(p); // checked before reading: no parse, no memory spike
    EXPECT_NE(msg.find("too large"), std::string::npos) << msg;
}

TEST(ParseBadInput, OverTheSizeLimit) {
    TempDir t;
    fs::path p = t.path() / "huge.cpp";
    {
        std::ofstream out(p, std::ios::binary);
        out.seekp((33u << 20) - 1);
        out.put('\n');
    }
    EXPECT_NE(error_of(p).find("too large"), std::string::npos);
}
