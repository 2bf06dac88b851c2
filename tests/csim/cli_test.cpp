// `hlsv csim` end to end: exit codes and the JSON verdict.
#include "helpers.h"
#include "sandbox.h"

#include <nlohmann/json.hpp>

namespace hlsv::csim::test {
namespace {

struct Cli : SimFixture {
    Outcome hlsv(std::vector<std::string> args) {
        Command c;
        c.argv = {HLSV_BIN, "csim"};
        c.argv.insert(c.argv.end(), args.begin(), args.end());
        c.env = base_env(cache.path());
        c.env["XDG_CACHE_HOME"] = cache.path().string();
        c.limits.wall_s = 120;
        c.limits.drop_privileges = false;
        c.limits.address_space = 0;
        return run_command(c);
    }
};

TEST_F(Cli, GoldenPassPrintsJsonAndExitsZero) {
    auto o = hlsv({fixture("adder").string()});
    EXPECT_EQ(o.exit_code, 0) << o.err;
    auto j = nlohmann::json::parse(o.out);
    EXPECT_EQ(j["verdict"], "pass");
    EXPECT_TRUE(j.contains("detail"));
    EXPECT_TRUE(j.contains("seconds"));
}

TEST_F(Cli, VariantMismatchExitsOne) {
    TempDir dir("hlsv-cli-variant-");
    std::string golden = read_file(fixture("adder") / "adder.cpp");
    write_file_atomic(dir.path() / "adder.cpp", edit(golden, "+ b[i];", "+ b[i] + (i == N - 1);"));
    auto o = hlsv({fixture("adder").string(), "--variant", (dir.path() / "adder.cpp").string(),
                   "--format", "text"});
    EXPECT_EQ(o.exit_code, 1) << o.err;
    EXPECT_NE(o.out.find("mismatch"), std::string::npos) << o.out;
}

TEST_F(Cli, NoProjectExitsTwoWithOneLine) {
    auto o = hlsv({fixture("no_project").string()});
    EXPECT_EQ(o.exit_code, 2);
    EXPECT_NE(o.err.find("no_project"), std::string::npos) << o.err;
    EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
}

TEST_F(Cli, FailingGoldenWithVariantExitsTwo) {
    TempDir dir("hlsv-cli-variant-");
    write_file_atomic(dir.path() / "twice.cpp", "int twice(int x) { return x + x; }\n");
    auto o =
        hlsv({fixture("golden_fails").string(), "--variant", (dir.path() / "twice.cpp").string()});
    EXPECT_EQ(o.exit_code, 2) << o.err;
    EXPECT_NE(o.err.find("golden"), std::string::npos) << o.err;
}

TEST_F(Cli, BrokenTestbenchIsACompileErrorVerdict) {
    auto o = hlsv({fixture("broken_tb").string()});
    EXPECT_EQ(o.exit_code, 1) << o.err;
    auto j = nlohmann::json::parse(o.out);
    EXPECT_EQ(j["verdict"], "compile_error");
}

} // namespace
} // namespace hlsv::csim::test
