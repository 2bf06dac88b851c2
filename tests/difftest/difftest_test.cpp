// Differential testing of function-level designs (no testbench): a golden against itself finds
// nothing, an edited variant gives a difference whose witness compiles on its own and fails on
// the variant but passes on the golden; state, streams, structs, ap_fixed and C designs; the
// prelude makes a function cut out of a program compile.
#include "csim/sandbox.h"
#include "csim/tempdir.h"
#include "difftest/difftest.h"

#include <gtest/gtest.h>

using namespace hlsv;

namespace {

fs::path fixture(const std::string& name) {
    return fs::path(HLSV_DT_FIXTURES) / name;
}

difftest::Options quick() {
    difftest::Options o;
    o.seconds = 0.5;
    o.shrink_seconds = 1;
    o.sanitize_phase = false;
    return o;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    auto p = text.find(from);
    EXPECT_NE(p, std::string::npos) << from;
    return p == std::string::npos ? text : text.replace(p, from.size(), to);
}

// Compiles `witness` with `dut` and runs it: the exit status.
int run_witness(const std::string& witness, const fs::path& dut, const fs::path& include_dir) {
    csim::TempDir td("hlsv-witness-test-");
    write_file_atomic(td.path() / "w.cpp", witness);
    csim::Command cc;
    cc.argv = {"g++",
               "-w",
               "-I" + (data_dir() / "harness" / "include").string(),
               "-I" + include_dir.string(),
               "-DHLSV_DUT=\"" + dut.string() + "\"",
               (td.path() / "w.cpp").string(),
               "-o",
               (td.path() / "w").string()};
    cc.cwd = td.path();
    cc.env = csim::base_env(td.path());
    cc.limits.wall_s = 120;
    cc.limits.drop_privileges = false;
    auto built = csim::run_command(cc);
    EXPECT_EQ(built.exit_code, 0) << built.err;
    csim::Command run;
    run.argv = {(td.path() / "w").string()};
    run.cwd = td.path();
    run.env = cc.env;
    run.limits.wall_s = 10;
    run.limits.drop_privileges = false;
    auto r = csim::run_command(run);
    return r.failure == csim::Failure::none && r.signal == 0 ? r.exit_code : 128;
}

TEST(Difftest, GoldenAgainstItselfIsTheSameOnManyCases) {
    auto d = load_design(fixture("saturate_mac"));
    auto r = difftest::run(d, "", quick());
    EXPECT_EQ(r.status, difftest::Status::same) << r.detail;
    EXPECT_GT(r.cases, 100);
}

TEST(Difftest, ReturnValueBugGivesAWitnessThatFailsOnlyOnTheVariant) {
    auto d = load_design(fixture("saturate_mac"));
    std::string golden = read_file(d.sources[0]);
    std::string buggy = replace_once(golden, "acc = -limit;", "acc = limit;");
    auto r = difftest::run(d, buggy, quick());
    ASSERT_EQ(r.status, difftest::Status::difference) << r.detail;
    EXPECT_EQ(r.kind, "mismatch");
    ASSERT_TRUE(r.witness);
    EXPECT_LE(r.witness->words, 3u) << "shrunk: " << r.witness->inputs;
    csim::TempDir td("hlsv-variant-");
    write_file_atomic(td.path() / "saturate_mac.cpp", buggy);
    EXPECT_EQ(run_witness(r.witness->testbench, d.sources[0], d.dir), 0);
    EXPECT_EQ(run_witness(r.witness->testbench, td.path() / "saturate_mac.cpp", d.dir), 1);
}

TEST(Difftest, ArrayOutputBugInAFixedPointTileIsFound) {
    auto d = load_design(fixture("fixed_blend"));
    std::string buggy = replace_once(read_file(d.sources[0]), "c < 4; c++", "c < 3; c++");
    auto r = difftest::run(d, buggy, quick());
    EXPECT_EQ(r.status, difftest::Status::difference) << r.detail;
    EXPECT_NE(r.detail.find("out"), std::string::npos) << r.detail;
}

TEST(Difftest, StreamContentsAndStructFieldsAreCompared) {
    auto d = load_design(fixture("stream_scale"));
    std::string buggy = replace_once(read_file(d.sources[0]), "if (p.keep)", "if (!p.keep)");
    auto r = difftest::run(d, buggy, quick());
    EXPECT_EQ(r.status, difftest::Status::difference) << r.detail;
}

TEST(Difftest, StaticStateBugShowsAcrossCalls) {
    auto d = load_design(fixture("running_max"));
    // The counter is no longer reset: only a call after a reset shows it.
    std::string buggy = replace_once(read_file(d.sources[0]), "        count = 0;\n", "");
    auto r = difftest::run(d, buggy, quick());
    ASSERT_EQ(r.status, difftest::Status::difference) << r.detail;
    ASSERT_TRUE(r.witness);
    csim::TempDir td("hlsv-variant-");
    write_file_atomic(td.path() / "running_max.cpp", buggy);
    EXPECT_EQ(run_witness(r.witness->testbench, d.sources[0], d.dir), 0);
    EXPECT_EQ(run_witness(r.witness->testbench, td.path() / "running_max.cpp", d.dir), 1);
}

TEST(Difftest, PlainCDesignWithPointerOutput) {
    auto d = load_design(fixture("packet_sum"));
    std::string buggy =
        replace_once(read_file(d.sources[0]), "hist[data[i] & 15]++", "hist[data[i] & 7]++");
    auto r = difftest::run(d, buggy, quick());
    EXPECT_EQ(r.status, difftest::Status::difference) << r.detail;
}

TEST(Difftest, CLinkageKernelsAreComparedToo) {
    // extern "C" would give golden and variant one symbol in the shared driver.
    auto d = load_design(fixture("vadd_kernel"));
    std::string golden = read_file(d.sources[0]);
    auto same = difftest::run(d, golden, quick());
    EXPECT_EQ(same.status, difftest::Status::same) << same.detail;
    auto r =
        difftest::run(d, replace_once(golden, "in1[i] + in2[i]", "in1[i] + in2[i + 1]"), quick());
    EXPECT_EQ(r.status, difftest::Status::difference) << r.detail;
}

TEST(Difftest, PreludeMakesAFunctionCutFromAProgramCompile) {
    csim::TempDir td("hlsv-prelude-test-");
    // Cut out of a larger program: its typedef, size constant, helper and header are missing.
    write_file_atomic(td.path() / "cut.c",
                      "#include \"suite_common.h\"\n"
                      "void smooth(data_t a[SIZE], data_t out[SIZE]) {\n"
                      "    int i;\n"
                      "    for (i = 1; i < SIZE - 1; i++)\n"
                      "        out[i] = clamp_val(a[i - 1] + a[i] + a[i + 1]);\n"
                      "}\n");
    auto p = difftest::synthesize_prelude(td.path() / "cut.c", "c", {});
    EXPECT_TRUE(p.compiles) << p.diagnostic;
    EXPECT_NE(p.text.find("data_t"), std::string::npos) << p.text;
    EXPECT_NE(p.text.find("SIZE"), std::string::npos) << p.text;
    EXPECT_NE(p.text.find("clamp_val"), std::string::npos) << p.text;
    ASSERT_EQ(p.empty_headers.size(), 1u);
}

TEST(Difftest, CodeThatCannotBeFixedByAPreludeSaysWhy) {
    csim::TempDir td("hlsv-prelude-test-");
    write_file_atomic(td.path() / "broken.cpp", "int f(int x) { return x +; }\n");
    auto p = difftest::synthesize_prelude(td.path() / "broken.cpp", "c++", {});
    EXPECT_FALSE(p.compiles);
    EXPECT_NE(p.diagnostic.find("error"), std::string::npos);
}

} // namespace
