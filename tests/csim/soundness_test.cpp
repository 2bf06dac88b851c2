// Verdicts that must never be stale or weaker than they read: the cache key covers everything
// the compiler and the run read (issue 13 part 1), reference outputs (part 2), a `main` among
// the sources and relative includes (issue 16 parts 4-5).
#include "helpers.h"

#include <chrono>
#include <fstream>

namespace hlsv::csim::test {
namespace {

// Writes a file and moves its times an hour back, so the object cache records it (a file
// newer than the compile's start is never cached) and only its content can tell an edit.
void put(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
    fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::hours(1));
}

struct Soundness : SimFixture {
    TempDir dir{"hlsv-sound-test-"};
    DesignSpec load() { return load_design(dir.path()); }
    Result golden() {
        Simulator sim(options());
        return sim.run_golden(load());
    }
};

constexpr const char* k_tb_check_k = R"(#include "inc/k.h"
int kernel(int);
int main() { return kernel(1) == 1 + K ? 0 : 1; }
)";

TEST_F(Soundness, HeaderInSubFolderChangesTheVerdict) {
    put(dir.path() / "hlsv.json",
        R"({"top": "kernel", "sources": ["k.cpp"], "testbench": ["tb.cpp"]})");
    put(dir.path() / "inc/k.h", "#define K 3\n");
    put(dir.path() / "k.cpp", "#include \"inc/k.h\"\nint kernel(int x) { return x + K; }\n");
    put(dir.path() / "tb.cpp", "int kernel(int);\nint main() { return kernel(1) == 4 ? 0 : 1; }\n");
    EXPECT_EQ(golden().verdict, Verdict::pass);
    auto again = golden();
    EXPECT_EQ(again.verdict, Verdict::pass);
    EXPECT_TRUE(again.cached);                    // the second run is served from the cache...
    put(dir.path() / "inc/k.h", "#define K 4\n"); // same size, old mtime: only content differs
    auto r = golden();
    EXPECT_EQ(r.verdict, Verdict::fail) << r.detail; // ...but not after the header changed
    EXPECT_FALSE(r.cached);
}

TEST_F(Soundness, IncludedDataFileChangesTheVerdict) {
    put(dir.path() / "hlsv.json",
        R"({"top": "sum", "sources": ["sum.cpp"], "testbench": ["tb.cpp"]})");
    put(dir.path() / "data/coef.inc", "1, 2, 3\n");
    put(dir.path() / "sum.cpp", "static const int c[] = {\n#include \"data/coef.inc\"\n};\n"
                                "int sum() { int s = 0; for (int v : c) s += v; return s; }\n");
    put(dir.path() / "tb.cpp", "int sum();\nint main() { return sum() == 6 ? 0 : 1; }\n");
    EXPECT_EQ(golden().verdict, Verdict::pass);
    EXPECT_TRUE(golden().cached);
    put(dir.path() / "data/coef.inc", "1, 2, 4\n");
    EXPECT_EQ(golden().verdict, Verdict::fail);
}

TEST_F(Soundness, DataFileReadAtRunTimeChangesTheVerdict) {
    put(dir.path() / "hlsv.json", R"({"top": "f", "sources": ["f.cpp"], "testbench": ["tb.cpp"],
        "data": ["inputs"]})");
    put(dir.path() / "inputs/in.dat", "7\n");
    put(dir.path() / "f.cpp", "int f(int x) { return 2 * x; }\n");
    put(dir.path() / "tb.cpp", "#include <cstdio>\nint f(int);\nint main() {\n"
                               "  FILE* in = std::fopen(\"inputs/in.dat\", \"r\"); int x = 0;\n"
                               "  if (!in || std::fscanf(in, \"%d\", &x) != 1) return 2;\n"
                               "  return f(x) == 14 ? 0 : 1; }\n");
    EXPECT_EQ(golden().verdict, Verdict::pass);
    EXPECT_TRUE(golden().cached);
    put(dir.path() / "inputs/in.dat", "8\n");
    EXPECT_EQ(golden().verdict, Verdict::fail);
}

TEST_F(Soundness, FlagChangeChangesTheVerdict) {
    put(dir.path() / "hlsv.json", R"({"top": "f", "sources": ["f.cpp"], "testbench": ["tb.cpp"],
        "cflags": ["-DSCALE=2"]})");
    put(dir.path() / "f.cpp", "int f(int x) { return SCALE * x; }\n");
    put(dir.path() / "tb.cpp", "int f(int);\nint main() { return f(3) == 6 ? 0 : 1; }\n");
    EXPECT_EQ(golden().verdict, Verdict::pass);
    put(dir.path() / "hlsv.json", R"({"top": "f", "sources": ["f.cpp"], "testbench": ["tb.cpp"],
        "cflags": ["-DSCALE=3"]})");
    EXPECT_EQ(golden().verdict, Verdict::fail);
}

TEST_F(Soundness, MissingHeaderAddedLaterIsSeen) {
    put(dir.path() / "hlsv.json", R"({"top": "f", "sources": ["f.cpp"], "testbench": ["tb.cpp"]})");
    put(dir.path() / "f.cpp", "#include \"gen/params.h\"\nint f() { return P; }\n");
    put(dir.path() / "tb.cpp", "int f();\nint main() { return f() == 5 ? 0 : 1; }\n");
    EXPECT_EQ(golden().verdict, Verdict::compile_error);
    put(dir.path() / "gen/params.h", "#define P 5\n");
    EXPECT_EQ(golden().verdict, Verdict::pass);
}

TEST_F(Soundness, NoCacheNeitherReadsNorWrites) {
    put(dir.path() / "hlsv.json", R"({"top": "f", "sources": ["f.cpp"], "testbench": ["tb.cpp"]})");
    put(dir.path() / "f.cpp", "int f() { return 1; }\n");
    put(dir.path() / "tb.cpp", "int f();\nint main() { return f() == 1 ? 0 : 1; }\n");
    Options o = options();
    o.use_cache = false;
    Simulator sim(o);
    EXPECT_FALSE(sim.run_golden(load()).cached);
    EXPECT_FALSE(fs::exists(cache.path() / "golden"));
}

// ---- reference outputs -------------------------------------------------------------------

TEST_F(Soundness, ExpectedStdoutMismatchAndTolerance) {
    put(dir.path() / "k.cpp", "double k(int i) { return i * 0.1; }\n");
    put(dir.path() / "tb.cpp",
        "#include <cstdio>\ndouble k(int);\n"
        "int main() { for (int i = 0; i < 3; ++i) std::printf(\"%.12f\\n\", k(i));"
        " return 0; }\n");
    put(dir.path() / "golden.out", "0.0\n0.1\n0.2\n");
    put(dir.path() / "hlsv.json", R"({"top": "k", "sources": ["k.cpp"], "testbench": ["tb.cpp"],
        "expect": {"stdout": "golden.out", "tolerance": 1e-9}})");
    auto r = golden();
    EXPECT_EQ(r.verdict, Verdict::pass) << r.detail;
    EXPECT_TRUE(r.observed.stdout_text);
    EXPECT_TRUE(r.observed.reference);
    EXPECT_FALSE(r.observed.weak());
    put(dir.path() / "golden.out", "0.0\n0.1\n0.3\n");
    r = golden();
    EXPECT_EQ(r.verdict, Verdict::mismatch);
    EXPECT_NE(r.detail.find("line 3"), std::string::npos) << r.detail;
}

TEST_F(Soundness, ExpectedOutputFile) {
    put(dir.path() / "k.cpp", "int k(int i) { return i * i; }\n");
    put(dir.path() / "tb.cpp", "#include <cstdio>\nint k(int);\nint main() {\n"
                               "  FILE* f = std::fopen(\"result.dat\", \"w\");\n"
                               "  for (int i = 0; i < 4; ++i) std::fprintf(f, \"%d\\n\", k(i));\n"
                               "  std::fclose(f); return 0; }\n");
    put(dir.path() / "result.golden.dat", "0\n1\n4\n9\n");
    put(dir.path() / "hlsv.json", R"({"top": "k", "sources": ["k.cpp"], "testbench": ["tb.cpp"],
        "expect": {"files": {"result.dat": "result.golden.dat"}}})");
    auto r = golden();
    EXPECT_EQ(r.verdict, Verdict::pass) << r.detail;
    ASSERT_EQ(r.observed.files.size(), 1u);
    EXPECT_EQ(r.observed.files[0], "result.dat");
    put(dir.path() / "result.golden.dat", "0\n1\n4\n10\n");
    EXPECT_EQ(golden().verdict, Verdict::mismatch);
}

TEST_F(Soundness, WeakOracleIsFlagged) {
    put(dir.path() / "hlsv.json", R"({"top": "f", "sources": ["f.cpp"], "testbench": ["tb.cpp"]})");
    put(dir.path() / "f.cpp", "int f(int x) { return x + 1; }\n");
    put(dir.path() / "tb.cpp",
        "int f(int);\nint main() { volatile int y = f(2); (void)y; return 0; }\n");
    auto r = golden();
    EXPECT_EQ(r.verdict, Verdict::pass);
    EXPECT_TRUE(r.observed.weak());
    EXPECT_TRUE(to_json(r)["weak_oracle"].get<bool>());
    put(dir.path() / "tb.cpp", "int f(int);\nint main() { return f(2) == 3 ? 0 : 1; }\n");
    r = golden();
    EXPECT_TRUE(r.observed.self_check);
    EXPECT_FALSE(r.observed.weak());
}

// ---- issue 16: main among the sources, relative paths ---------------------------------------

TEST_F(Soundness, MainInSourcesRunsWithoutTestbench) {
    put(dir.path() / "hlsv.json", R"({"top": "kernel", "sources": ["prog.c"]})");
    put(dir.path() / "prog.c", "int kernel(int x) { return x * 3; }\n"
                               "int main(void) { return kernel(2) == 6 ? 0 : 1; }\n");
    auto d = load();
    EXPECT_TRUE(d.main_in_sources); // detected
    EXPECT_EQ(golden().verdict, Verdict::pass);
    Simulator sim(options());
    auto rs = sim.run_variants(
        d, {Variant{{{"prog.c", "int kernel(int x) { return x * 4; }\n"
                                "int main(void) { return kernel(2) == 6 ? 0 : 1; }\n"}}}});
    EXPECT_EQ(rs[0].verdict, Verdict::fail) << rs[0].detail;
}

TEST_F(Soundness, FileListedAsSourceAndTestbenchLinksOnce) {
    put(dir.path() / "hlsv.json",
        R"({"top": "kernel", "sources": ["prog.cpp"], "testbench": ["prog.cpp"]})");
    put(dir.path() / "prog.cpp", "int kernel(int x) { return x * 3; }\n"
                                 "int main() { return kernel(2) == 6 ? 0 : 1; }\n");
    auto r = golden();
    EXPECT_EQ(r.verdict, Verdict::pass) << r.detail;
}

TEST_F(Soundness, LinkErrorShowsTheLinkerMessage) {
    put(dir.path() / "hlsv.json",
        R"({"top": "kernel", "sources": ["k.cpp"], "testbench": ["tb.cpp"]})");
    put(dir.path() / "k.cpp", "int kernel(int x) { return x; }\nint main() { return 0; }\n");
    put(dir.path() / "tb.cpp", "int kernel(int);\nint main() { return kernel(0); }\n");
    auto r = golden();
    EXPECT_EQ(r.verdict, Verdict::compile_error);
    EXPECT_NE(r.detail.find("multiple definition"), std::string::npos) << r.detail;
}

TEST_F(Soundness, RelativeIncludeDirsAndVariantsInSubFolders) {
    put(dir.path() / "hlsv.json", R"({"top": "k", "sources": ["src/k.cpp"],
        "testbench": ["tb/tb.cpp"], "cflags": ["-Iinclude"]})");
    put(dir.path() / "include/params.h", "#define N 4\n");
    put(dir.path() / "host/typedefs.h", "typedef int data_t;\n");
    put(dir.path() / "src/k.cpp", "#include \"../host/typedefs.h\"\n#include \"params.h\"\n"
                                  "data_t k(data_t x) { return x * N; }\n");
    put(dir.path() / "tb/tb.cpp", "#include \"params.h\"\nint k(int);\n"
                                  "int main() { return k(2) == 2 * N ? 0 : 1; }\n");
    EXPECT_EQ(golden().verdict, Verdict::pass);
    Simulator sim(options());
    std::string v = "#include \"../host/typedefs.h\"\n#include \"params.h\"\n"
                    "data_t k(data_t x) { return x * N + 1; }\n";
    for (bool batch : {true, false}) {
        Options o = options();
        o.batch = batch;
        Simulator s(o);
        auto rs = s.run_variants(load(), {Variant{{{"k.cpp", v}}}});
        EXPECT_EQ(rs[0].verdict, Verdict::fail) << "batch " << batch << ": " << rs[0].detail;
    }
}

} // namespace
} // namespace hlsv::csim::test
