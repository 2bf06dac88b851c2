// C designs (gcc, data files, output-file comparison, ignore regexes) and the golden cache.
#include "helpers.h"

namespace hlsv::csim::test {
namespace {

struct CDesign : SimFixture {
    DesignSpec design = load_design(fixture("csum"));
    std::string golden = read_file(fixture("csum") / "csum.c");
};

TEST_F(CDesign, GoldenPassesWithDataFileAndArgs) {
    Simulator sim(options());
    auto r = sim.run_golden(design);
    EXPECT_EQ(r.verdict, Verdict::pass) << r.detail << r.stderr_text;
    EXPECT_NE(r.stdout_text.find("n=8 total=162"), std::string::npos) << r.stdout_text;
}

TEST_F(CDesign, OutputFileDifferenceIsAMismatchAndIgnoredLinesAreNot) {
    Simulator sim(options());
    // Same total, different partial sums: only result.txt shows it. The pid line differs in
    // every run and is ignored by the design's "ignore" regex.
    std::string same_total = edit(golden, "partial[i] = acc;", "partial[i] = acc + (i == 0);");
    std::string reordered =
        edit(golden, "acc += (i + 1) * v[i];", "acc += v[i] * (i + 1); acc += 0;");
    auto rs = sim.run_variants(
        design, {Variant{{{"csum.c", same_total}}}, Variant{{{"csum.c", reordered}}}});
    EXPECT_EQ(rs[0].verdict, Verdict::mismatch) << rs[0].detail;
    EXPECT_NE(rs[0].detail.find("result.txt line 1"), std::string::npos) << rs[0].detail;
    EXPECT_TRUE(rs[1].verdict == Verdict::pass || rs[1].verdict == Verdict::equivalent)
        << verdict_name(rs[1].verdict) << ": " << rs[1].detail;
}

TEST_F(CDesign, GoldenIsCachedAcrossSimulators) {
    {
        Simulator sim(options());
        EXPECT_FALSE(sim.run_golden(design).cached);
    }
    Simulator again(options());
    auto r = again.run_golden(design);
    EXPECT_TRUE(r.cached);
    EXPECT_EQ(r.verdict, Verdict::pass);
    EXPECT_NE(r.stdout_text.find("total=162"), std::string::npos);
}

TEST_F(CDesign, CacheKeyFollowsTheSources) {
    // A copy of the design with a different golden gets its own entry.
    TempDir dir("hlsv-csim-copy-");
    for (const auto& e : fs::directory_iterator(fixture("csum"))) {
        fs::copy_file(e.path(), dir.path() / e.path().filename());
    }
    write_file_atomic(dir.path() / "csum.c", edit(golden, "(i + 1) * v[i]", "(i + 2) * v[i]"));
    Simulator sim(options());
    auto a = sim.run_golden(design);
    auto b = sim.run_golden(load_design(dir.path()));
    EXPECT_NE(a.stdout_text, b.stdout_text);
    EXPECT_FALSE(b.cached);
}

} // namespace
} // namespace hlsv::csim::test

namespace hlsv::csim::test {
namespace {

// A design that includes a header found only in the HLS include directory.
struct HlsInclude : SimFixture {
    TempDir design_dir{"hlsv-csim-vendor-design-"};
    TempDir vendor{"hlsv-csim-vendor-include-"};
    DesignSpec design;
    void SetUp() override {
        write_file_atomic(vendor.path() / "vendor_only.h", "#define VENDOR_ANSWER 42\n");
        write_file_atomic(design_dir.path() / "hlsv.json",
                          R"({"top": "answer", "sources": ["a.cpp"], "testbench": ["tb.cpp"]})");
        write_file_atomic(design_dir.path() / "a.cpp",
                          "#include \"vendor_only.h\"\nint answer() { return VENDOR_ANSWER; }\n");
        write_file_atomic(design_dir.path() / "tb.cpp",
                          "int answer();\nint main() { return answer() == 42 ? 0 : 1; }\n");
        design = load_design(design_dir.path());
    }
};

TEST_F(HlsInclude, OptionPointsAtVendorHeaders) {
    Options o = options();
    o.hls_include = vendor.path().string();
    Simulator sim(o);
    EXPECT_EQ(sim.run_golden(design).verdict, Verdict::pass);
}

TEST_F(HlsInclude, EnvironmentVariablePointsAtVendorHeaders) {
    ::setenv("HLSV_HLS_INCLUDE", vendor.path().c_str(), 1);
    Simulator sim(options());
    auto r = sim.run_golden(design);
    ::unsetenv("HLSV_HLS_INCLUDE");
    EXPECT_EQ(r.verdict, Verdict::pass) << r.detail;
}

TEST_F(HlsInclude, WithoutItTheHeaderIsMissing) {
    Simulator sim(options());
    auto r = sim.run_golden(design);
    EXPECT_EQ(r.verdict, Verdict::compile_error);
    EXPECT_NE(r.detail.find("vendor_only.h"), std::string::npos) << r.detail;
}

} // namespace
} // namespace hlsv::csim::test
