// `hlsv parse` as a user runs it: the real binary, its JSON on stdout, its exit codes.
#include "core/core.h"

#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/wait.h>

namespace {

const std::string fixtures = HLSV_PARSE_FIXTURES;

struct Result {
    int exit = -1;
    std::string out, err;
};

std::string slurp(const std::string& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Result run(const std::string& args) {
    std::string base = testing::TempDir() + "/hlsv_parse_cli_" + std::to_string(::getpid());
    std::string cmd =
        std::string("'") + HLSV_BIN + "' " + args + " >" + base + ".out 2>" + base + ".err";
    int status = std::system(cmd.c_str());
    Result r;
    r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(base + ".out");
    r.err = slurp(base + ".err");
    std::remove((base + ".out").c_str());
    std::remove((base + ".err").c_str());
    return r;
}

} // namespace

TEST(ParseCli, JsonForOneFile) {
    Result r = run("parse " + fixtures + "/fir.cpp");
    ASSERT_EQ(r.exit, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["file"], fixtures + "/fir.cpp");
    EXPECT_EQ(j["functions"].size(), 2u);
    EXPECT_EQ(j["functions"][1]["name"], "fir");
    EXPECT_EQ(j["functions"][1]["is_top"], true);
    EXPECT_EQ(j["loops"][1]["label"], "taps");
    EXPECT_EQ(j["loops"][1]["trip_count"], 16);
    EXPECT_EQ(j["pragmas"][4]["target"], "shift_reg");
    EXPECT_EQ(j["pragmas"][5]["options"]["ii"], "1");
    EXPECT_TRUE(j["diagnostics"].empty());
}

TEST(ParseCli, SeveralFilesTopAndText) {
    Result r = run("parse " + fixtures + "/fir.cpp " + fixtures + "/plain.c --top mac");
    ASSERT_EQ(r.exit, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j.is_array());
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["functions"][0]["is_top"], true); // mac

    Result t = run("parse --format text --no-clang " + fixtures + "/legacy.cpp");
    ASSERT_EQ(t.exit, 0) << t.err;
    EXPECT_NE(t.out.find("syntactic only"), std::string::npos);
    EXPECT_NE(t.out.find("pragma unroll factor=2 line 17 -> loop #1"), std::string::npos) << t.out;
}

TEST(ParseCli, DefinesReachLibclang) {
    Result r = run("parse -D DEPTH=5 " + fixtures + "/semantic.cpp");
    ASSERT_EQ(r.exit, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["arrays"][0]["dims"], nlohmann::json::array({5, 6}));
}

TEST(ParseCli, MissingFileIsExitTwoWithOneLine) {
    Result r = run("parse " + fixtures + "/no_such_design.cpp");
    EXPECT_EQ(r.exit, 2);
    EXPECT_TRUE(r.out.empty());
    ASSERT_FALSE(r.err.empty());
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
    EXPECT_NE(r.err.find("no_such_design.cpp"), std::string::npos);
    EXPECT_NE(r.err.find("no such file"), std::string::npos);
}

TEST(ParseCli, BadFormatIsUsageError) {
    Result r = run("parse --format yaml " + fixtures + "/fir.cpp");
    EXPECT_EQ(r.exit, 2);
}
