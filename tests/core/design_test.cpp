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

// ---- Vitis project files as Vitis reads them (issue #16) -------------------------------------

TEST(Design, TclVariablesAreExpanded) {
    TempDir d("tclvars");
    d.write("dut.cpp", "void dut() {}\n");
    d.write("dut_test.cpp", "int main() { return 0; }\n");
    d.write("script.tcl", "set top dut\nset my_top $top\nset flags {-DN=8 -DM=2}\n"
                          "open_project p\nset_top $top\n"
                          "add_files ${my_top}.cpp -cflags \"$flags\"\n"
                          "add_files -tb ${my_top}_test.cpp\n");
    DesignSpec s = load_design(d.path);
    EXPECT_EQ(s.top, "dut");
    ASSERT_EQ(s.sources.size(), 1u);
    EXPECT_EQ(s.sources[0].filename(), "dut.cpp");
    ASSERT_EQ(s.testbench.size(), 1u);
    EXPECT_EQ(s.testbench[0].filename(), "dut_test.cpp");
    EXPECT_EQ(s.cflags, (std::vector<std::string>{"-DN=8", "-DM=2"}));
}

TEST(Design, TclSourceReadsOtherScripts) {
    TempDir d("tclsource");
    d.write("k.cpp", "void k() {}\n");
    d.write("k_tb.cpp", "int main() { return 0; }\n");
    d.write("settings.tcl", "set kernel k\n");
    d.write("run_hls.tcl", "source settings.tcl\nopen_project p\nset_top $kernel\n"
                           "add_files $kernel.cpp\nadd_files -tb ${kernel}_tb.cpp\n");
    DesignSpec s = load_design(d.path);
    EXPECT_EQ(s.top, "k");
    EXPECT_EQ(s.testbench.size(), 1u);
}

TEST(Design, TclSourceOfMissingFileIsAnInputError) {
    TempDir d("tclsrcmiss");
    d.write("run_hls.tcl", "source nowhere.tcl\nset_top k\nadd_files k.cpp\n");
    EXPECT_THROW(load_design(d.path), InputError);
}

TEST(Design, SeveralSolutionsLinkOneTestbench) {
    TempDir d("tclsols");
    d.write("k.cpp", "void k() {}\n");
    d.write("k_tb.cpp", "int main() { return 0; }\n");
    d.write("run_hls.tcl", "foreach_is_not_needed\n"
                           "open_project p\nset_top k\nadd_files k.cpp\nadd_files -tb k_tb.cpp\n"
                           "open_solution sol1\nset_part xc7z020\ncsim_design\n"
                           "open_project p\nset_top k\nadd_files k.cpp\nadd_files -tb k_tb.cpp\n"
                           "open_solution sol2\nset_part xcu250\ncsim_design\n");
    DesignSpec s = load_design(d.path);
    EXPECT_EQ(s.sources.size(), 1u);
    EXPECT_EQ(s.testbench.size(), 1u);
}

TEST(Design, TclComponentsDefaultFirstAndSelectByName) {
    TempDir d("tclcomps");
    d.write("a.cpp", "void a() {}\n");
    d.write("a_tb.cpp", "int main() { return 0; }\n");
    d.write("b.cpp", "void b() {}\n");
    d.write("b_tb.cpp", "int main() { return 0; }\n");
    d.write("build.tcl", "open_project comp_a\nset_top a\nadd_files a.cpp\nadd_files -tb a_tb.cpp\n"
                         "open_solution s\nclose_project\n"
                         "open_project comp_b\nset_top b\nadd_files b.cpp\nadd_files -tb b_tb.cpp\n"
                         "open_solution s\n");
    DesignSpec first = load_design(d.path);
    EXPECT_EQ(first.top, "a");
    EXPECT_EQ(first.sources.size(), 1u);
    EXPECT_EQ(first.testbench.size(), 1u);
    DesignSpec b = load_design(d.path, "comp_b");
    EXPECT_EQ(b.top, "b");
    ASSERT_EQ(b.testbench.size(), 1u);
    EXPECT_EQ(b.testbench[0].filename(), "b_tb.cpp");
    try {
        load_design(d.path, "comp_c");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        std::string msg = e.what();
        EXPECT_NE(msg.find("comp_c"), std::string::npos) << msg;
        EXPECT_NE(msg.find("comp_a, comp_b"), std::string::npos) << msg;
    }
}

TEST(Design, CfgHeadersInSynFileAreNotCompiled) {
    TempDir d("cfghdr");
    d.write("k.cpp", "#include \"k.h\"\nvoid k() {}\n");
    d.write("k.h", "void k();\n");
    d.write("k_tb.cpp", "int main() { return 0; }\n");
    d.write("hls_config.cfg", "[hls]\nsyn.top=k\nsyn.file=k.h\nsyn.file=k.cpp\ntb.file=k_tb.cpp\n");
    DesignSpec s = load_design(d.path);
    ASSERT_EQ(s.sources.size(), 1u);
    EXPECT_EQ(s.sources[0].filename(), "k.cpp");
}

TEST(Design, WorkspaceComponentsInSubfolders) {
    TempDir d("wscomps");
    fs::create_directories(d.path / "fir_comp");
    fs::create_directories(d.path / "crc_comp");
    d.write("fir_comp/fir.cpp", "void fir() {}\n");
    d.write("fir_comp/hls_config.cfg", "[hls]\nsyn.top=fir\nsyn.file=fir.cpp\n");
    d.write("crc_comp/crc.cpp", "void crc() {}\n");
    d.write("crc_comp/hls_config.cfg", "[hls]\nsyn.top=crc\nsyn.file=crc.cpp\n");
    EXPECT_EQ(load_design(d.path).top, "crc"); // first by name
    EXPECT_EQ(load_design(d.path, "fir_comp").top, "fir");
    try {
        load_design(d.path, "nope");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("crc_comp, fir_comp"), std::string::npos) << e.what();
    }
}

// A typo in hlsv.json is an error naming the key and its nearest spelling, never a setting
// silently dropped (the design would run with a 10 s timeout the user did not ask for).
TEST(Design, UnknownKeyNamesTheKeyAndTheNearestOne) {
    TempDir d("typo");
    d.write("f.cpp", "void f() {}");
    d.write("hlsv.json", R"({"top": "f", "sources": ["f.cpp"], "timout_s": 3})");
    try {
        load_design(d.path);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ExitCode::usage);
        std::string msg = e.what();
        EXPECT_NE(msg.find("unknown key \"timout_s\""), std::string::npos) << msg;
        EXPECT_NE(msg.find("did you mean \"timeout_s\""), std::string::npos) << msg;
    }
    d.write("hlsv.json", R"({"top": "f", "sources": ["f.cpp"], "vendor_setting": 3})");
    try {
        load_design(d.path);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        std::string msg = e.what();
        EXPECT_NE(msg.find("unknown key \"vendor_setting\""), std::string::npos) << msg;
        EXPECT_EQ(msg.find("did you mean"), std::string::npos) << msg;
    }
    d.write("hlsv.json",
            R"({"top": "f", "sources": ["f.cpp"], "expect": {"stdout": "x", "tolerence": 1}})");
    try {
        load_design(d.path);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        std::string msg = e.what();
        EXPECT_NE(msg.find("\"tolerence\" in \"expect\""), std::string::npos) << msg;
        EXPECT_NE(msg.find("\"tolerance\""), std::string::npos) << msg;
    }
}

TEST(Design, WrongTypeNamesTheKeyAndTheTypeExpected) {
    TempDir d("types");
    d.write("f.cpp", "void f() {}");
    auto message = [&](const std::string& json) {
        d.write("hlsv.json", json);
        try {
            load_design(d.path);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("(accepted)");
    };
    EXPECT_NE(message(R"({"top": "f", "sources": ["f.cpp"], "timeout_s": "10"})")
                  .find("\"timeout_s\" must be a number, not a string"),
              std::string::npos);
    EXPECT_NE(message(R"({"top": "f", "sources": ["f.cpp"], "cflags": [1, 2]})")
                  .find("\"cflags\" must be a list of strings"),
              std::string::npos);
    EXPECT_NE(message(R"({"top": "f", "sources": ["f.cpp"], "cases": 2.5})")
                  .find("\"cases\" must be an integer, not a number"),
              std::string::npos);
    EXPECT_NE(message(R"({"top": "f", "sources": ["f.cpp"], "main_in_sources": "yes"})")
                  .find("\"main_in_sources\" must be true or false"),
              std::string::npos);
    // What stays accepted: one string where a list is expected, an integer where a number is.
    EXPECT_EQ(message(R"({"top": "f", "sources": "f.cpp", "timeout_s": 3})"), "(accepted)");
}
