// Bad input and hostile variants: each ends with a clear error or a verdict within the timeout
// plus 2 s, and leaves the design directory as it was.
#include "helpers.h"

#include <chrono>

namespace hlsv::csim::test {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string tree_digest(const fs::path& dir) {
    std::string all;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        all += f.string() + (fs::is_regular_file(f) ? sha256_hex(read_file(f)) : "dir") + "\n";
    }
    return sha256_hex(all);
}

struct BadInput : SimFixture {
    DesignSpec design = load_design(fixture("adder"));
    std::string golden = read_file(fixture("adder") / "adder.cpp");
    std::string before = tree_digest(fixture("adder"));
    static constexpr double timeout = 2;

    Result run_one(const std::string& from, const std::string& to, const std::string& prelude) {
        Simulator sim(options(timeout));
        sim.run_golden(design); // built and cached outside the timed part
        auto t0 = Clock::now();
        auto rs =
            sim.run_variants(design, {Variant{{{"adder.cpp", prelude + edit(golden, from, to)}}}});
        double secs = since(t0);
        // Building a variant takes a moment; the run itself must stop at the timeout.
        EXPECT_LT(rs[0].seconds, timeout + 2) << verdict_name(rs[0].verdict);
        EXPECT_LT(secs, timeout + 10);
        EXPECT_EQ(tree_digest(fixture("adder")), before) << "the design dir was modified";
        return rs[0];
    }
};

TEST_F(BadInput, DirectoryWithoutProjectIsAnInputError) {
    try {
        load_design(fixture("no_project"));
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ExitCode::usage);
        EXPECT_NE(std::string(e.what()).find("no_project"), std::string::npos);
    }
}

TEST_F(BadInput, TestbenchThatDoesNotCompile) {
    Simulator sim(options());
    auto r = sim.run_golden(load_design(fixture("broken_tb")));
    EXPECT_EQ(r.verdict, Verdict::compile_error);
    EXPECT_NE(r.detail.find("twice_tb.cpp:3"), std::string::npos) << r.detail;
    EXPECT_NE(r.detail.find("error:"), std::string::npos) << r.detail;
}

TEST_F(BadInput, GoldenThatFailsRefusesVariants) {
    Simulator sim(options());
    auto d = load_design(fixture("golden_fails"));
    EXPECT_EQ(sim.run_golden(d).verdict, Verdict::fail);
    try {
        sim.run_variants(d, {Variant{{{"twice.cpp", "int twice(int x) { return x + x; }\n"}}}});
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("golden"), std::string::npos) << what;
        EXPECT_NE(what.find("golden_fails"), std::string::npos) << what;
    }
}

TEST_F(BadInput, VariantNamingAnUnknownFile) {
    Simulator sim(options());
    EXPECT_THROW(sim.run_variants(design, {Variant{{{"nope.cpp", "int x;"}}}}), InputError);
    EXPECT_THROW(sim.run_variants(design, {Variant{{{"../adder.cpp", "int x;"}}}}), InputError);
}

TEST_F(BadInput, InfiniteLoopTimesOut) {
    auto r = run_one("i++", "i += 0", "");
    EXPECT_EQ(r.verdict, Verdict::timeout) << r.detail;
}

TEST_F(BadInput, ForkBombIsKilled) {
    auto r = run_one("for (int i = 0;", "for (;;) fork();\n    for (int i = 0;",
                     "#include <unistd.h>\n");
    EXPECT_TRUE(r.verdict == Verdict::crash || r.verdict == Verdict::timeout)
        << verdict_name(r.verdict) << ": " << r.detail;
}

TEST_F(BadInput, TenGigabyteAllocationFailsInsideTheSandbox) {
    auto r = run_one("for (int i = 0;",
                     "static char* volatile big; big = new char[10ull << 30];\n"
                     "    std::memset(big, 1, 10ull << 30);\n    for (int i = 0;",
                     "#include <cstring>\n");
    EXPECT_TRUE(r.verdict == Verdict::crash || r.verdict == Verdict::fail)
        << verdict_name(r.verdict) << ": " << r.detail;
}

TEST_F(BadInput, GigabyteOfStdoutEndsQuickly) {
    auto r = run_one("for (int i = 0;",
                     "static char buf[1 << 20]; std::memset(buf, 'x', sizeof buf);\n"
                     "    for (int k = 0; k < 1024; k++) std::fwrite(buf, 1, sizeof buf, stdout);\n"
                     "    for (int i = 0;",
                     "#include <cstdio>\n#include <cstring>\n");
    EXPECT_EQ(r.verdict, Verdict::fail) << r.detail;
    EXPECT_NE(r.detail.find("output"), std::string::npos) << r.detail;
    EXPECT_LE(r.stdout_text.size(), 4u << 20);
}

TEST_F(BadInput, DeletingFilesInTheWorkingDirectoryLeavesTheDesignAlone) {
    auto r = run_one("for (int i = 0;",
                     "std::system(\"rm -rf ./* ../adder* 2>/dev/null\");\n    for (int i = 0;",
                     "#include <cstdlib>\n");
    EXPECT_EQ(r.verdict, Verdict::pass) << r.detail;
}

} // namespace
} // namespace hlsv::csim::test
