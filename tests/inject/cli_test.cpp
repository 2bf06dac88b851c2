// `hlsv inject` and `hlsv validate` as a user runs them: exit codes, files written (or not),
// one-line errors for bad input.
#include "core/core.h"

#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace hlsv {
namespace {

const fs::path k_tests = HLSV_INJECT_TESTS;
const fs::path k_blend = k_tests / "designs" / "blend";

struct CliRun {
    int code = -1;
    std::string out, err;
};

class Cli : public ::testing::Test {
  protected:
    void SetUp() override {
        char tmpl[] = "/tmp/hlsv-inject-cli.XXXXXX";
        ASSERT_NE(mkdtemp(tmpl), nullptr);
        tmp_ = tmpl;
    }
    void TearDown() override { fs::remove_all(tmp_); }

    CliRun run(const std::string& args) {
        CliRun r;
        std::string cmd = std::string(HLSV_BIN) + " " + args + " >" + (tmp_ / "stdout").string() +
                          " 2>" + (tmp_ / "stderr").string();
        int st = std::system(cmd.c_str());
        r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        r.out = read_file(tmp_ / "stdout");
        r.err = read_file(tmp_ / "stderr");
        return r;
    }
    fs::path write(const std::string& name, const std::string& text) {
        write_file_atomic(tmp_ / name, text);
        return tmp_ / name;
    }
    fs::path tmp_;
};

TEST_F(Cli, InjectWritesBugFileAndBuggySourceAndPrintsDiff) {
    auto r = run("inject " + k_blend.string() + " --bug SHFT -o " + (tmp_ / "o").string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("--- a/blend.cpp"), std::string::npos);
    auto inj = parse_injection(read_file(tmp_ / "o" / "bug_SHFT.txt"));
    EXPECT_EQ(inj.specs.at(0).type, "SHFT");
    EXPECT_NE(read_file(tmp_ / "o" / "blend.cpp"), read_file(k_blend / "blend.cpp"));
    // Same seed, same injection.
    auto again = run("inject " + k_blend.string() + " --bug SHFT -o " + (tmp_ / "p").string());
    EXPECT_EQ(read_file(tmp_ / "o" / "bug_SHFT.txt"), read_file(tmp_ / "p" / "bug_SHFT.txt"));
}

TEST_F(Cli, InjectCombinationNamesBothTypes) {
    auto r =
        run("inject " + k_blend.string() + " --bug OOB,ZERO --seed 3 -o " + (tmp_ / "o").string());
    ASSERT_EQ(r.code, 0) << r.err;
    auto inj = parse_injection(read_file(tmp_ / "o" / "bug_OOB_ZERO.txt"));
    EXPECT_EQ(inj.error_size, 2);
}

TEST_F(Cli, NoSiteExitsOneAndWritesNothing) {
    auto r = run("inject " + (k_tests / "SHFT" / "quiet.cpp").string() + " --bug SHFT -o " +
                 (tmp_ / "o").string());
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("no site for SHFT in quiet"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(tmp_ / "o"));
}

TEST_F(Cli, UnknownTypeIsUsageError) {
    auto r = run("inject " + k_blend.string() + " --bug NOPE -o " + (tmp_ / "o").string());
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("NOPE"), std::string::npos);
}

TEST_F(Cli, UnwritableOutputDirIsAnErrorNotACrash) {
    fs::path file = write("plain", "x");
    auto r = run("inject " + k_blend.string() + " --bug SHFT -o " + (file / "sub").string());
    EXPECT_TRUE(r.code == 2 || r.code == 3) << r.code;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST_F(Cli, ValidateValidInjection) {
    fs::path bug =
        write("bug.txt", R"({"Error Size": 1, "Error Specification": [{"Error Type": "SHFT",
        "Original Code": "out[k] = (acc[k] + 128) >> 8;", "Faulty Code": "out[k] = (acc[k] + 128) >> 41;"}]})");
    auto r = run("validate " + k_blend.string() + " " + bug.string() + " --format json");
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["verdict"], "valid");
    EXPECT_EQ(j["changed_lines"], nlohmann::json::array({17}));
}

TEST_F(Cli, ValidateBadInput) {
    fs::path not_json = write("a.txt", "this is not json");
    auto r = run("validate " + k_blend.string() + " " + not_json.string());
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("a.txt"), std::string::npos) << r.err;

    fs::path unknown =
        write("b.txt", R"({"Error Size": 1, "Error Specification": [{"Error Type": "XYZ",
        "Original Code": "int weight = 256 - alpha;", "Faulty Code": "int weight = 0;"}]})");
    r = run("validate " + k_blend.string() + " " + unknown.string());
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("unknown bug type 'XYZ'"), std::string::npos) << r.err;

    fs::path missing =
        write("c.txt", R"({"Error Size": 1, "Error Specification": [{"Error Type": "OOB",
        "Original Code": "out[q] = 1;", "Faulty Code": "out[q + 1] = 1;"}]})");
    r = run("validate " + k_blend.string() + " " + missing.string());
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("invalid: entry 1 (OOB): Original Code not found"), std::string::npos)
        << r.out;

    fs::path overlap = write("d.txt", R"({"Error Size": 2, "Error Specification": [
        {"Error Type": "OOB", "Original Code": "acc[k] = a[k] * alpha + b[k] * weight;", "Faulty Code": "acc[k] = a[k + 1] * alpha + b[k] * weight;"},
        {"Error Type": "INIT", "Original Code": "a[k] * alpha", "Faulty Code": "a[k] * weight"}]})");
    r = run("validate " + k_blend.string() + " " + overlap.string());
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("invalid"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("entry 2"), std::string::npos) << r.out;

    fs::path same =
        write("e.txt", R"({"Error Size": 1, "Error Specification": [{"Error Type": "ZERO",
        "Original Code": "int weight = 256 - alpha;", "Faulty Code": "int weight = 256 - alpha;"}]})");
    r = run("validate " + k_blend.string() + " " + same.string());
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("no-op"), std::string::npos) << r.out;
}

} // namespace
} // namespace hlsv
