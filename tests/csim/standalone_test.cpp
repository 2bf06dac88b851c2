// Simulator::run_standalone: variants judged by the design's own self-checking testbench, with
// no golden reference (the debugging assistant's oracle for candidate fixes).
#include "helpers.h"

namespace hlsv::csim::test {
namespace {

struct Standalone : SimFixture {
    DesignSpec design = load_design(fixture("buggy_sum"));
    std::string buggy = read_file(fixture("buggy_sum") / "sum.cpp");
    std::string header = read_file(fixture("buggy_sum") / "sum.h");

    Variant source(const std::string& from, const std::string& to) {
        return Variant{{{"sum.cpp", edit(buggy, from, to)}}};
    }
    /// A copy of the design dir with `file` replaced, removed with the fixture.
    DesignSpec copy_with(const std::string& file, const std::string& text) {
        for (const auto& e : fs::directory_iterator(fixture("buggy_sum"))) {
            fs::copy_file(e.path(), copy.path() / e.path().filename());
        }
        write_file_atomic(copy.path() / file, text);
        return load_design(copy.path());
    }
    TempDir copy{"hlsv-csim-standalone-"};
};

TEST_F(Standalone, TheFixPassesTheOthersFailInOneBatch) {
    Simulator sim(options());
    ASSERT_EQ(sim.run_golden(design).verdict, Verdict::fail); // the design itself is buggy
    const std::string loop = "for (int i = 1; i <= SUM_LEN; i++)";
    std::vector<Variant> vs = {
        source(loop, "for (int i = 0; i < SUM_LEN; i++)"),     // 0: the fix
        source(loop, "for (int i = 0; i <= SUM_LEN; i++)"),    // 1: still reads the guard
        source(loop, "for (int i = 1; i < SUM_LEN; i++)"),     // 2: misses v[0]
        Variant{{{"sum.cpp", buggy}}},                         // 3: the design as it is
        source("acc += v[i];", "acc += v[i] +;"),              // 4: does not compile
        source("return acc", "std::abort();\n    return acc"), // 5: dies on a signal
    };
    auto rs = sim.run_standalone(design, vs);
    ASSERT_EQ(rs.size(), vs.size());
    EXPECT_EQ(rs[0].verdict, Verdict::pass) << rs[0].detail << rs[0].stderr_text;
    EXPECT_NE(rs[0].stdout_text.find("sum_scaled = 2988 (expected 2988)"), std::string::npos)
        << rs[0].stdout_text;
    EXPECT_EQ(rs[1].verdict, Verdict::fail) << rs[1].detail;
    EXPECT_EQ(rs[2].verdict, Verdict::fail) << rs[2].detail;
    // Object code equal to the design's own is not "equivalent" here: it is simulated.
    EXPECT_EQ(rs[3].verdict, Verdict::fail) << rs[3].detail;
    EXPECT_EQ(rs[3].exit_code, 1);
    EXPECT_EQ(rs[4].verdict, Verdict::compile_error) << rs[4].detail;
    EXPECT_NE(rs[4].detail.find("sum.cpp"), std::string::npos) << rs[4].detail;
    EXPECT_EQ(rs[5].verdict, Verdict::crash) << rs[5].detail;
    for (std::size_t i : {0, 1, 2, 3, 5}) {
        EXPECT_TRUE(rs[i].batched) << "variant " << i << " was built alone";
    }
    EXPECT_FALSE(rs[4].batched);
}

TEST_F(Standalone, NoBatchGivesTheSameVerdicts) {
    Options o = options();
    o.batch = false;
    Simulator sim(o);
    const std::string loop = "for (int i = 1; i <= SUM_LEN; i++)";
    auto rs = sim.run_standalone(design, {source(loop, "for (int i = 0; i < SUM_LEN; i++)"),
                                          Variant{{{"sum.cpp", buggy}}},
                                          source("acc += v[i];", "acc += v[i] +;")});
    EXPECT_EQ(rs[0].verdict, Verdict::pass) << rs[0].detail;
    EXPECT_EQ(rs[1].verdict, Verdict::fail) << rs[1].detail;
    EXPECT_EQ(rs[2].verdict, Verdict::compile_error) << rs[2].detail;
    for (const auto& r : rs) {
        EXPECT_FALSE(r.batched);
    }
}

TEST_F(Standalone, DuplicatesShareOneRun) {
    Simulator sim(options());
    Variant fix = source("for (int i = 1; i <= SUM_LEN; i++)", "for (int i = 0; i < SUM_LEN; i++)");
    Variant same = fix;
    same.files["sum.cpp"] += "\n// a comment changes no object code\n";
    auto rs = sim.run_standalone(design, {fix, same});
    EXPECT_EQ(rs[0].verdict, Verdict::pass) << rs[0].detail;
    EXPECT_EQ(rs[1].verdict, Verdict::pass) << rs[1].detail;
    ASSERT_TRUE(rs[1].duplicate_of.has_value());
    EXPECT_EQ(*rs[1].duplicate_of, 0u);
}

TEST_F(Standalone, AHeaderVariantIsBuiltOnItsOwn) {
    Simulator sim(options());
    // Widening the loop bound in the header alone moves the bug, it does not fix it; the
    // testbench sees the same header.
    auto rs = sim.run_standalone(
        design, {Variant{{{"sum.h", edit(header, "#define SUM_SCALE 3", "#define SUM_SCALE 1")}}},
                 Variant{{{"sum.h", edit(header, "#define SUM_SCALE 3", "#define SUM_SCALE")}}}});
    EXPECT_EQ(rs[0].verdict, Verdict::fail) << rs[0].detail;
    EXPECT_NE(rs[0].stdout_text.find("(expected 996)"), std::string::npos) << rs[0].stdout_text;
    EXPECT_FALSE(rs[0].batched);
    EXPECT_EQ(rs[1].verdict, Verdict::compile_error) << rs[1].detail;
}

TEST_F(Standalone, ADesignThatDoesNotCompileCanBeFixed) {
    // The design's own source is broken: variants replacing it still build (alone, since the
    // schema needs a compilable original), variants keeping it are compile errors.
    DesignSpec d = copy_with("sum.cpp", edit(buggy, "acc += v[i];", "acc += v[i]"));
    Simulator sim(options());
    EXPECT_EQ(sim.run_golden(d).verdict, Verdict::compile_error);
    auto rs = sim.run_standalone(
        d, {source("for (int i = 1; i <= SUM_LEN; i++)", "for (int i = 0; i < SUM_LEN; i++)"),
            Variant{{{"sum.h", header + "\n"}}}, Variant{{{"sum.cpp", buggy}}}});
    EXPECT_EQ(rs[0].verdict, Verdict::pass) << rs[0].detail << rs[0].stderr_text;
    EXPECT_FALSE(rs[0].batched);
    // The header variant rebuilds everything, the broken source included.
    EXPECT_EQ(rs[1].verdict, Verdict::compile_error) << rs[1].detail;
    EXPECT_NE(rs[1].detail.find("sum.cpp"), std::string::npos) << rs[1].detail;
    EXPECT_EQ(rs[2].verdict, Verdict::fail) << rs[2].detail;
}

TEST_F(Standalone, ABrokenTestbenchFailsEveryVariantThatKeepsIt) {
    DesignSpec d = load_design(fixture("broken_tb"));
    Simulator sim(options());
    std::string twice = read_file(fixture("broken_tb") / "twice.cpp");
    auto rs = sim.run_standalone(d, {Variant{{{"twice.cpp", twice + "\n"}}}});
    EXPECT_EQ(rs[0].verdict, Verdict::compile_error);
    EXPECT_NE(rs[0].detail.find("twice_tb.cpp"), std::string::npos) << rs[0].detail;
}

TEST_F(Standalone, BadInputIsAnInputError) {
    Simulator sim(options());
    EXPECT_THROW(sim.run_standalone(design, {Variant{{{"nope.cpp", "int x;"}}}}), InputError);
    EXPECT_THROW(sim.run_standalone(design, {Variant{}}), InputError);
    DesignSpec no_tb = design;
    no_tb.testbench.clear();
    EXPECT_THROW(sim.run_standalone(no_tb, {Variant{{{"sum.cpp", buggy}}}}), InputError);
}

TEST_F(Standalone, RunVariantsStillNeedsAPassingGolden) {
    Simulator sim(options());
    EXPECT_THROW(sim.run_variants(design, {Variant{{{"sum.cpp", buggy}}}}), InputError);
}

} // namespace
} // namespace hlsv::csim::test
