// The engine around the rules: suppressions, fingerprints and baselines, reporters, bad input.
#include "check/check.h"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hlsv::check {
namespace {

const char* k_nested = R"(void top(int a[8][8], int out[8]) {
    for (int i = 0; i < 8; i++) {
#pragma HLS pipeline II=1
        for (int j = 0; j < 8; j++) {
#pragma HLS pipeline II=1
            out[i] += a[i][j];
        }
    }
}
)";

class TempDir {
  public:
    TempDir() {
        path_ = fs::temp_directory_path() /
                ("hlsv_check_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
        fs::create_directories(path_);
    }
    ~TempDir() { fs::remove_all(path_); }
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
    static inline int counter_ = 0;
};

int count_rule(const std::vector<Finding>& fs, const std::string& rule,
               Severity min = Severity::warning) {
    int n = 0;
    for (const auto& f : fs) {
        n += f.rule == rule && f.severity >= min;
    }
    return n;
}

TEST(Engine, CheckSourceOnMemoryText) {
    auto found = check_source("mem.cpp", k_nested);
    ASSERT_EQ(count_rule(found, "hls-nested-pipeline"), 1);
    const Finding* f = nullptr;
    for (const auto& x : found) {
        if (x.rule == "hls-nested-pipeline" && x.severity == Severity::error) {
            f = &x;
        }
    }
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->line, 5);
    EXPECT_EQ(f->column, 1);
    EXPECT_EQ(f->type, std::optional<std::string>("MLP"));
    EXPECT_EQ(f->file, "mem.cpp");
    EXPECT_EQ(f->fingerprint.size(), 32u);
}

TEST(Engine, SuppressionOnLineOrLineBefore) {
    std::string same = k_nested;
    same.replace(same.find("#pragma HLS pipeline II=1\n            out"), 26,
                 "#pragma HLS pipeline II=1 // hlsv-ignore hls-nested-pipeline\n");
    EXPECT_EQ(count_rule(check_source("a.cpp", same), "hls-nested-pipeline"), 0);

    std::string before = k_nested;
    auto at = before.find("#pragma HLS pipeline II=1\n            out");
    before.insert(at, "// hlsv-ignore MLP: intended for the demo\n");
    EXPECT_EQ(count_rule(check_source("a.cpp", before), "hls-nested-pipeline"), 0);

    std::string other = k_nested;
    other.insert(other.find("        for (int j"), "        // hlsv-ignore hls-shift-width\n");
    EXPECT_EQ(count_rule(check_source("a.cpp", other), "hls-nested-pipeline"), 1);
}

TEST(Engine, FingerprintSurvivesLineShift) {
    auto a = check_source("x.cpp", k_nested);
    auto b = check_source("x.cpp", std::string("// a new header comment\n\n") + k_nested);
    ASSERT_FALSE(a.empty());
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].fingerprint, b[i].fingerprint);
        EXPECT_EQ(a[i].line + 2, b[i].line);
    }
}

TEST(Engine, BaselineFromJsonAndSarifDropsKnownFindingsOnly) {
    TempDir dir;
    fs::path src = dir.path() / "d.cpp";
    write_file_atomic(src, k_nested);
    Report r1 = check_paths({src});
    ASSERT_FALSE(r1.findings.empty());
    write_file_atomic(dir.path() / "base.json", format_json(r1));
    write_file_atomic(dir.path() / "base.sarif", format_sarif(r1, dir.path()));

    // The code moves down and gains a new bug: only the new one survives the baseline.
    write_file_atomic(src, std::string("#define W 8\n") + k_nested +
                               "int f(int x) { return x << 40; }\n");
    for (const char* b : {"base.json", "base.sarif"}) {
        Report r2 = check_paths({src});
        apply_baseline(r2, load_baseline(dir.path() / b));
        ASSERT_EQ(r2.findings.size(), 1u) << b;
        EXPECT_EQ(r2.findings[0].rule, "hls-shift-width");
        EXPECT_EQ(r2.baselined, r1.findings.size());
    }
    write_file_atomic(dir.path() / "bad.json", "{\"nope\": 1}");
    EXPECT_THROW(load_baseline(dir.path() / "bad.json"), InputError);
    write_file_atomic(dir.path() / "bad2.json", "not json");
    EXPECT_THROW(load_baseline(dir.path() / "bad2.json"), InputError);
}

TEST(Engine, RuleListAcceptsIdsAndTypesAndRejectsUnknown) {
    auto ids = parse_rule_list("hls-shift-width, MLP");
    EXPECT_EQ(ids, (std::vector<std::string>{"hls-nested-pipeline", "hls-shift-width"}));
    EXPECT_THROW(parse_rule_list("hls-shift-width,no-such-rule"), InputError);
    Options opts;
    opts.rules = {"hls-shift-width"};
    EXPECT_EQ(count_rule(check_source("a.cpp", k_nested, opts), "hls-nested-pipeline"), 0);
}

TEST(Engine, SeverityFilter) {
    Options opts;
    opts.min_severity = Severity::error;
    auto found = check_source("a.cpp", "void f(){\n#pragma HLS pipeline II=1 bogus=3\n}\n", opts);
    EXPECT_EQ(count_rule(found, "hls-unknown-pragma-option", Severity::note), 0);
    found = check_source("a.cpp", "void f(){\n#pragma HLS pipeline II=1 bogus=3\n}\n");
    EXPECT_EQ(count_rule(found, "hls-unknown-pragma-option"), 1);
}

TEST(Engine, BadInputBecomesNotesAndTheRestIsChecked) {
    TempDir dir;
    write_file_atomic(dir.path() / "a_broken.cpp",
                      "void f( {{{ int x = ;; #pragma\n}}}}} ))) template<\n");
    write_file_atomic(dir.path() / "b_binary.cpp", std::string("\0\1\2\3binary\0\0", 12));
    write_file_atomic(dir.path() / "c_latin1.cpp",
                      "// caf\xe9\nint g(int x) { return x << 40; }\n");
    write_file_atomic(dir.path() / "d_good.cpp", k_nested);
    write_file_atomic(dir.path() / "notes.txt", "not a source file");
    Report r = check_paths({dir.path()});
    EXPECT_EQ(r.files.size(), 3u); // the binary file is skipped, .txt is not a source
    bool broken_note = false, binary_note = false, utf8_note = false;
    for (const auto& n : r.notes) {
        broken_note |= n.file.find("a_broken") != std::string::npos &&
                       n.message.find("syntax") != std::string::npos;
        binary_note |= n.file.find("b_binary") != std::string::npos;
        utf8_note |= n.file.find("c_latin1") != std::string::npos &&
                     n.message.find("UTF-8") != std::string::npos;
    }
    EXPECT_TRUE(broken_note);
    EXPECT_TRUE(binary_note);
    EXPECT_TRUE(utf8_note);
    EXPECT_EQ(count_rule(r.findings, "hls-shift-width"), 1);
    EXPECT_EQ(count_rule(r.findings, "hls-nested-pipeline"), 1);
    // Every output format survives the non-UTF-8 source line.
    EXPECT_TRUE(nlohmann::json::parse(format_json(r)).is_object());
    EXPECT_TRUE(nlohmann::json::parse(format_sarif(r, dir.path())).is_object());
    EXPECT_THROW(check_paths({dir.path() / "missing.cpp"}), InputError);
}

TEST(Engine, HugeAndDeeplyNestedInputDoesNotCrash) {
    std::string deep = "void f(int a[4]) {\n";
    for (int i = 0; i < 2000; ++i) {
        deep += "{";
    }
    for (int i = 0; i < 2000; ++i) {
        deep += "}";
    }
    deep += "\n}\n";
    EXPECT_NO_THROW(check_source("deep.cpp", deep));
    std::string big;
    for (int i = 0; i < 20000; ++i) {
        big += "int f" + std::to_string(i) + "(int x) { return x + " + std::to_string(i) + "; }\n";
    }
    EXPECT_TRUE(check_source("big.cpp", big).empty());
}

TEST(Reporters, TextLooksLikeACompiler) {
    Report r;
    r.files = {"a.cpp"};
    r.findings = check_source("a.cpp", k_nested);
    std::string t = format_text(r);
    EXPECT_NE(
        t.find(
            "a.cpp:5:1: error: pipeline of loop at line 4 is nested in pipelined loop at line 2"),
        std::string::npos)
        << t;
    EXPECT_NE(t.find("[hls-nested-pipeline,MLP]\n#pragma HLS pipeline II=1\n^\n"),
              std::string::npos)
        << t;
}

TEST(Reporters, JsonShape) {
    Report r;
    r.files = {"a.cpp"};
    r.findings = check_source("a.cpp", k_nested);
    r.findings.push_back(check_source("b.cpp", "void f(){\n#pragma HLS pipeline bogus\n}\n").at(0));
    auto j = nlohmann::json::parse(format_json(r));
    ASSERT_TRUE(j["findings"].is_array());
    EXPECT_EQ(j["files_checked"], 1);
    bool null_type = false;
    for (const auto& f : j["findings"]) {
        for (const char* k : {"file", "line", "column", "rule", "type", "severity", "message"}) {
            EXPECT_TRUE(f.contains(k)) << k;
        }
        null_type |= f["rule"] == "hls-unknown-pragma-option" && f["type"].is_null();
    }
    EXPECT_TRUE(null_type);
}

TEST(Reporters, JunitHasOneFailurePerFindingAndEscapes) {
    Report r;
    r.files = {"a&b.cpp", "clean.cpp"};
    r.findings = check_source("a&b.cpp", k_nested);
    std::string x = format_junit(r);
    EXPECT_NE(x.find("<testcase classname=\"hlsv.check\" name=\"a&amp;b.cpp\">"), std::string::npos)
        << x;
    EXPECT_NE(x.find("name=\"clean.cpp\"/>"), std::string::npos);
    std::size_t failures = 0;
    for (std::size_t p = x.find("<failure "); p != std::string::npos;
         p = x.find("<failure ", p + 1)) {
        ++failures;
    }
    EXPECT_EQ(failures, r.findings.size());
}

TEST(Reporters, SarifEssentials) {
    TempDir dir;
    fs::path src = dir.path() / "sub dir" / "d.cpp";
    write_file_atomic(src, k_nested);
    Report r = check_paths({src});
    auto s = nlohmann::json::parse(format_sarif(r, dir.path()));
    EXPECT_EQ(s["version"], "2.1.0");
    EXPECT_TRUE(s["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
    const auto& run = s["runs"][0];
    EXPECT_EQ(run["tool"]["driver"]["name"], "hlsv");
    const auto& rules_json = run["tool"]["driver"]["rules"];
    EXPECT_EQ(rules_json.size(), rules().size());
    ASSERT_FALSE(run["results"].empty());
    for (const auto& res : run["results"]) {
        std::size_t idx = res["ruleIndex"];
        EXPECT_EQ(rules_json[idx]["id"], res["ruleId"]);
        EXPECT_FALSE(res["message"]["text"].get<std::string>().empty());
        const auto& loc = res["locations"][0]["physicalLocation"];
        EXPECT_EQ(loc["artifactLocation"]["uri"], "sub%20dir/d.cpp");
        EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "SRCROOT");
        EXPECT_GE(loc["region"]["startLine"].get<int>(), 1);
        EXPECT_GE(loc["region"]["startColumn"].get<int>(), 1);
        EXPECT_EQ(res["partialFingerprints"]["hlsvFingerprint/v1"].get<std::string>().size(), 32u);
    }
    std::string root = run["originalUriBaseIds"]["SRCROOT"]["uri"];
    EXPECT_EQ(root.rfind("file:///", 0), 0u);
    EXPECT_EQ(root.back(), '/');
}

// Code in an inactive #if branch is skipped (counted, never a finding); --define turns it on.
TEST(Engine, InactivePreprocessorBranchesAreSkipped) {
    const std::string src = "#ifdef CYCLE_TIMER\n"
                            "static unsigned long long ticks() {\n"
                            "    unsigned lo;\n"
                            "    unsigned long long r = lo;\n"
                            "    return r;\n"
                            "}\n"
                            "#endif\n"
                            "void k(int a[4]) {\n"
                            "    for (int i = 0; i < 4; i++) {\n"
                            "        a[i] = i;\n"
                            "    }\n"
                            "}\n";
    std::vector<FileNote> notes;
    std::size_t skipped = 0;
    auto off = check_source("t.c", src, {}, &notes, &skipped);
    EXPECT_TRUE(off.empty());
    EXPECT_EQ(skipped, 5u); // the five lines of ticks()
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_NE(notes[0].message.find("inactive #if"), std::string::npos);
    EXPECT_EQ(notes[0].line, 2);

    Options on;
    on.defines = {"CYCLE_TIMER"};
    auto found = check_source("t.c", src, on);
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0].rule, "hls-uninitialized-read");
    EXPECT_EQ(found[0].line, 4);
}

// A macro parameter list continued over lines is not a syntax error of the file.
TEST(Engine, ConditionalParameterListsParse) {
    const std::string src = "void bw(int* in,\n"
                            "#if BANKS == 3\n"
                            "        int* out1,\n"
                            "#elif BANKS > 3\n"
                            "        int* in1, int* out1,\n"
                            "#endif\n"
                            "        int n) {\n"
                            "    for (int i = 0; i < n; i++) { in[i] = 0; }\n"
                            "}\n";
    std::vector<FileNote> notes;
    check_source("bw.cpp", src, {}, &notes);
    for (const auto& n : notes) {
        EXPECT_EQ(n.message.find("syntax"), std::string::npos) << n.message;
    }
}

} // namespace
} // namespace hlsv::check

namespace hlsv::check {
namespace {

// Sizes chosen in a header by a define (`#ifdef SMALL`), the header found through an include
// directory with angle brackets: the checker evaluates the header under the same defines.
TEST(Engine, HeaderSizesFollowTheDefines) {
    TempDir dir;
    fs::create_directories(dir.path() / "inc");
    std::ofstream(dir.path() / "inc" / "sizes.h") << "#ifdef SMALL\n#define N 12\n#else\n"
                                                     "#define N 16\n#endif\n";
    std::string src = "#include <sizes.h>\n"
                      "void top(int a[N], int out[N]) {\n"
                      "#pragma HLS array_partition variable=a type=cyclic factor=8 dim=1\n"
                      "    for (int i = 0; i < N; i++) out[i] = a[i];\n"
                      "}\n";
    Options o;
    o.include_dirs = {(dir.path() / "inc").string()};
    EXPECT_EQ(
        count_rule(check_source((dir.path() / "k.c").string(), src, o), "hls-factor-divisibility"),
        0); // 16 banks of 8
    o.defines = {"-DSMALL"};
    EXPECT_EQ(
        count_rule(check_source((dir.path() / "k.c").string(), src, o), "hls-factor-divisibility"),
        1); // 12 is not a multiple of 8
}

} // namespace
} // namespace hlsv::check
