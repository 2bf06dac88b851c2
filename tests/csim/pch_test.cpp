// The precompiled header of the HLS headers: built once, really used by g++, and left out
// whenever force-including it could change what the design means.
#include "build.h"
#include "helpers.h"
#include "sandbox.h"

namespace hlsv::csim::test {
namespace {

struct Pch : SimFixture {
    TempDir copy{"hlsv-csim-pch-"};
    DesignSpec design_with(const std::string& file, const std::string& text) {
        for (const auto& e : fs::directory_iterator(fixture("buggy_sum"))) {
            fs::copy_file(e.path(), copy.path() / e.path().filename(),
                          fs::copy_options::overwrite_existing);
        }
        write_file_atomic(copy.path() / file, text);
        return load_design(copy.path());
    }
};

TEST_F(Pch, BuiltOnceAndUsedByGxx) {
    DesignSpec d = load_design(fixture("buggy_sum"));
    Options o = options();
    Toolchain tc(d, o);
    fs::path src = d.dir / "sum.cpp";
    std::string text = read_file(src);
    auto flags = pch_flags(tc, cache.path(), src, text);
    ASSERT_EQ(flags.size(), 2u);
    EXPECT_EQ(flags[0], "-include");
    fs::path gch = flags[1] + ".gch";
    ASSERT_TRUE(fs::exists(gch)) << gch;
    EXPECT_NE(read_file(flags[1]).find("#include \"ap_int.h\""), std::string::npos);
    EXPECT_EQ(pch_flags(tc, cache.path(), src, text), flags); // the same one again

    // The compile the simulator runs, plus -H: "!" marks a precompiled header in use.
    TempDir out("hlsv-csim-pch-out-");
    std::vector<std::string> argv = {"g++"};
    auto cf = tc.compile_flags(src);
    argv.insert(argv.end(), cf.begin(), cf.end());
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.insert(argv.end(), {"-H", "-c", src.string(), "-o", (out.path() / "sum.o").string()});
    BuildStep step = run_compiler(argv, d.dir);
    ASSERT_TRUE(step.ok) << step.log;
    EXPECT_NE(step.log.find("! " + gch.string()), std::string::npos) << step.log.substr(0, 400);
}

TEST_F(Pch, NotUsedWhereItCouldChangeTheMeaning) {
    Options o = options();
    // A design header that sets a macro the HLS headers test.
    std::string header = read_file(fixture("buggy_sum") / "sum.h");
    DesignSpec d = design_with("sum.h", edit(header, "#include \"ap_int.h\"",
                                             "#define AP_INT_MAX_W 2048\n#include \"ap_int.h\""));
    Toolchain tc(d, o);
    EXPECT_TRUE(
        pch_flags(tc, cache.path(), d.dir / "sum.cpp", read_file(d.dir / "sum.cpp")).empty());
    // No HLS header at all, a C file, a header we cannot see.
    EXPECT_TRUE(
        pch_flags(tc, cache.path(), d.dir / "x.cpp", "#include <cstdio>\nint x;\n").empty());
    EXPECT_TRUE(pch_flags(tc, cache.path(), d.dir / "x.c", "#include \"ap_int.h\"\n").empty());
    EXPECT_TRUE(
        pch_flags(tc, cache.path(), d.dir / "x.cpp", "#include \"gone.h\"\n#include \"ap_int.h\"\n")
            .empty());
    // A design file shadowing an HLS header.
    DesignSpec shadow =
        design_with("ap_int.h", "#pragma once\ntemplate <int W> struct ap_int {};\n");
    Toolchain ts(shadow, o);
    EXPECT_TRUE(
        pch_flags(ts, cache.path(), shadow.dir / "sum.cpp", "#include \"ap_int.h\"\n").empty());
}

TEST_F(Pch, SameVerdictsWithoutIt) {
    DesignSpec d = load_design(fixture("buggy_sum"));
    std::string buggy = read_file(d.dir / "sum.cpp");
    std::vector<Variant> vs = {
        Variant{{{"sum.cpp", edit(buggy, "int i = 1; i <= SUM_LEN", "int i = 0; i < SUM_LEN")}}},
        Variant{{{"sum.cpp", buggy}}}};
    Simulator with(options());
    auto a = with.run_standalone(d, vs);
    ASSERT_EQ(::setenv("HLSV_NO_PCH", "1", 1), 0);
    TempDir other("hlsv-csim-pch-cache-");
    Options o = options();
    o.cache_dir = other.path();
    Simulator without(o);
    auto b = without.run_standalone(d, vs);
    ::unsetenv("HLSV_NO_PCH");
    EXPECT_FALSE(fs::exists(other.path() / "pch"));
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].verdict, b[i].verdict) << i;
        EXPECT_EQ(a[i].stdout_text, b[i].stdout_text) << i;
    }
    EXPECT_EQ(a[0].verdict, Verdict::pass);
    EXPECT_TRUE(fs::exists(cache.path() / "pch"));
}

} // namespace
} // namespace hlsv::csim::test
