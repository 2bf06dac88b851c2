// Design specs: hlsv.json, Vitis hls_config.cfg and Tcl projects, single files, bad input.
#include "core/core.h"

#include <fstream>
#include <gtest/gtest.h>

using namespace hlsv;

namespace {
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() /
               ("hlsv_design_" + name + "_" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    void write(const std::string& file, const std::string& text) const {
        std::ofstream(path / file) << text;
    }
};
} // namespace

TEST(Design, LoadsHlsvJson) {
    TempDir d("json");
    d.write("fir.cpp", "void fir() {}\n");
    d.write("fir_tb.cpp", "int main() { return 0; }\n");
    d.write("hlsv.json", R"({"name": "fir", "top": "fir", "sources": ["fir.cpp"],
        "testbench": ["fir_tb.cpp"], "cflags": ["-DN=4"], "timeout_s": 5,
        "compare": ["exit", "stdout", "out.dat"], "ignore": ["^time:"], "args": ["x"]})");
    DesignSpec s = load_design(d.path);
    EXPECT_EQ(s.name, "fir");
    EXPECT_EQ(s.top, "fir");
    ASSERT_EQ(s.sources.size(), 1u);
    EXPECT_EQ(s.sources[0].filename(), "fir.cpp");
    EXPECT_TRUE(s.has_testbench());
    EXPECT_EQ(s.cflags, std::vector<std::string>{"-DN=4"});
    EXPECT_DOUBLE_EQ(s.timeout_s, 5);
    EXPECT_EQ(s.compare.size(), 3u);
    EXPECT_EQ(s.language, "c++");
    EXPECT_EQ(s.args, std::vector<std::string>{"x"});
}

TEST(Design, RejectsBadHlsvJson) {
    TempDir d("badjson");
    d.write("hlsv.json", "{ not json");
    EXPECT_THROW(load_design(d.path), InputError);
    d.write("hlsv.json", R"({"top": "f", "sources": ["missing.cpp"]})");
    try {
        load_design(d.path);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("missing.cpp"), std::string::npos);
    }
    d.write("f.cpp", "void f() {}");
    d.write("hlsv.json", R"({"top": "f", "sources": ["f.cpp"], "ignore": ["("]})");
    EXPECT_THROW(load_design(d.path), InputError);
}

TEST(Design, ReadsVitisConfig) {
    TempDir d("cfg");
    d.write("k.cpp", "void k() {}\n");
    d.write("k_tb.cpp", "int main() { return 0; }\n");
    d.write("in.dat", "1 2 3\n");
    d.write("hls_config.cfg", "part=xc7z020\n[hls]\nsyn.top=k\nsyn.file=k.cpp\n"
                              "tb.file=k_tb.cpp\ntb.file=in.dat\nsyn.cflags=-DW=8 -I.\n");
    DesignSpec s = load_design(d.path);
    EXPECT_EQ(s.top, "k");
    EXPECT_EQ(s.testbench.size(), 1u);
    EXPECT_EQ(s.data, std::vector<std::string>{"in.dat"});
    EXPECT_EQ(s.cflags, (std::vector<std::string>{"-DW=8", "-I."}));
    EXPECT_EQ(s.origin, "hls_config.cfg");
}

TEST(Design, ReadsVitisTcl) {
    TempDir d("tcl");
    d.write("k.c", "void k() {}\n");
    d.write("k_tb.c", "int main() { return 0; }\n");
    d.write("run_hls.tcl", "open_project proj\nset_top k\nadd_files k.c -cflags \"-DX=1\"\n"
                           "add_files -tb k_tb.c\ncsim_design -argv \"a b\"\n");
    DesignSpec s = load_design(d.path);
    EXPECT_EQ(s.top, "k");
    EXPECT_EQ(s.language, "c");
    EXPECT_EQ(s.cflags, std::vector<std::string>{"-DX=1"});
    EXPECT_EQ(s.args, (std::vector<std::string>{"a", "b"}));
}

TEST(Design, SingleFileHasNoTestbench) {
    TempDir d("file");
    d.write("kern.cpp", "void kern() {}\n");
    DesignSpec s = load_design(d.path / "kern.cpp");
    EXPECT_EQ(s.top, "kern");
    EXPECT_FALSE(s.has_testbench());
}

TEST(Design, DirectoryWithoutProjectIsAClearError) {
    TempDir d("empty");
    try {
        load_design(d.path);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("no hlsv.json"), std::string::npos);
    }
    EXPECT_THROW(load_design(d.path / "nope"), InputError);
}
