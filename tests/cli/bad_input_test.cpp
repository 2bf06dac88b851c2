// Bad input on the command line, in hlsv.json and in hlsv.toml, as a user types it: each case
// exits 2 with one line naming the cause, and writes nothing.
#include "core/core.h"

#include <fcntl.h>
#include <fstream>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace hlsv {
namespace {

struct Outcome {
    int code = -1;
    std::string out, err;
};

// Runs hlsv with `args` in `cwd`, stdin from /dev/null, stdout and stderr captured.
Outcome hlsv(const std::vector<std::string>& args, const fs::path& cwd) {
    fs::path out_file = cwd / ".stdout";
    fs::path err_file = cwd / ".stderr";
    std::vector<std::string> argv_s = {HLSV_BIN};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addchdir_np(&fa, cwd.c_str());
    pid_t pid = 0;
    Outcome r;
    if (posix_spawn(&pid, HLSV_BIN, &fa, nullptr, argv.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&fa);
        return r;
    }
    posix_spawn_file_actions_destroy(&fa);
    int status = 0;
    waitpid(pid, &status, 0);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(out_file);
    r.err = read_file(err_file);
    fs::remove(out_file);
    fs::remove(err_file);
    return r;
}

struct BadInput : ::testing::Test {
    fs::path dir;
    void SetUp() override {
        dir = fs::temp_directory_path() /
              ("hlsv_cli_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
        fs::create_directories(dir / "design");
        std::ofstream(dir / "design" / "f.cpp") << "int f(int a) { return a + 1; }\n";
        std::ofstream(dir / "design" / "hlsv.json") << R"({"top": "f", "sources": ["f.cpp"]})";
    }
    void TearDown() override { fs::remove_all(dir); }

    // Exit 2, exactly one line on stderr, holding every piece of `expected`.
    void expect_usage_error(const std::vector<std::string>& args,
                            const std::vector<std::string>& expected) {
        Outcome r = hlsv(args, dir);
        std::string cmd;
        for (const auto& a : args) {
            cmd += " " + a;
        }
        EXPECT_EQ(r.code, 2) << "hlsv" << cmd << "\n" << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "hlsv" << cmd << "\n"
                                                                   << r.err;
        for (const auto& e : expected) {
            EXPECT_NE(r.err.find(e), std::string::npos)
                << "hlsv" << cmd << ": expected '" << e << "' in\n"
                << r.err;
        }
        EXPECT_FALSE(fs::exists(dir / "dataset")) << "hlsv" << cmd << " wrote a dataset";
    }
};

TEST_F(BadInput, NumbersOutOfRangeNameTheFlagAndTheBounds) {
    std::string d = (dir / "design").string();
    expect_usage_error({"generate", d, "--combos", "-3"}, {"--combos", "between 0 and 1000"});
    expect_usage_error({"generate", d, "--jobs", "-1"}, {"--jobs", "between 0 and 1024"});
    expect_usage_error({"generate", d, "--k", "-1"}, {"--k", "between 0 and 64"});
    expect_usage_error({"generate", d, "--repair-rounds", "-5"},
                       {"--repair-rounds", "between 0 and 10"});
    expect_usage_error({"generate", d, "--max-inflight", "0"},
                       {"--max-inflight", "between 1 and 1024"});
    expect_usage_error({"generate", d, "--per-type", "0"}, {"--per-type"});
    expect_usage_error({"csim", d, "--timeout", "nan"}, {"--timeout", "got nan"});
    expect_usage_error({"csim", d, "--timeout", "0"}, {"--timeout", "greater than 0"});
    expect_usage_error({"csim", d, "--jobs", "-1"}, {"--jobs", "between 0 and 1024"});
    expect_usage_error({"debug", d, "--llm-timeout", "inf"}, {"--llm-timeout"});
    expect_usage_error({"prompt", d, "--bug", "OOB", "--temperature", "3"}, {"--temperature"});
    expect_usage_error({"--max-input-mb", "0", "parse", d}, {"--max-input-mb"});
    // The bound is a readable number, not the 300 digits of the largest double.
    Outcome r = hlsv({"csim", d, "--timeout", "0"}, dir);
    EXPECT_LT(r.err.size(), 200u) << r.err;
}

TEST_F(BadInput, TyposInHlsvJsonAndHlsvTomlNameTheKey) {
    std::string d = (dir / "design").string();
    std::ofstream(dir / "design" / "hlsv.json")
        << R"({"top": "f", "sources": ["f.cpp"], "timout_s": 3})";
    expect_usage_error({"csim", d},
                       {"hlsv.json", "unknown key \"timout_s\"", "did you mean \"timeout_s\"?"});
    std::ofstream(dir / "design" / "hlsv.json")
        << R"({"top": "f", "sources": ["f.cpp"], "timeout_s": "3"})";
    expect_usage_error({"generate", d}, {"\"timeout_s\" must be a number, not a string"});
    std::ofstream(dir / "design" / "hlsv.json") << R"({"top": "f", "sources": ["f.cpp"]})";
    std::ofstream(dir / "hlsv.toml") << "job = 2\n";
    expect_usage_error({"parse", d + "/f.cpp"},
                       {"hlsv.toml", "unknown key \"job\"", "did you mean \"jobs\"?"});
}

TEST_F(BadInput, OneInputSizeLimitForEveryCommand) {
    std::string d = (dir / "design").string();
    std::string big(1536 * 1024, ' ');
    big += "int f(int a) { return a + 1; }\n";
    std::ofstream(dir / "design" / "f.cpp") << big;
    std::ofstream(dir / "bug.txt") << R"({"Error Specification": []})";
    std::vector<std::vector<std::string>> commands = {
        {"parse", d + "/f.cpp"},
        {"check", d + "/f.cpp"},
        {"prompt", d, "--bug", "OOB"},
        {"inject", d, "--bug", "OOB", "-o", (dir / "out").string()},
        {"harness", d, "-o", (dir / "out").string()},
        {"csim", d},
    };
    for (auto args : commands) {
        args.insert(args.begin(), {"--max-input-mb", "1"});
        expect_usage_error(args, {"f.cpp", "file too large", "limit 1048576"});
    }
    // Raised, the same file is read.
    Outcome r = hlsv({"--max-input-mb", "2", "parse", d + "/f.cpp"}, dir);
    EXPECT_EQ(r.code, 0) << r.err;
}

TEST_F(BadInput, AStoreThatIsNotAStoreIsRefusedByEveryCommand) {
    std::string d = (dir / "design").string();
    std::string db = (dir / "notes.txt").string();
    std::ofstream(db) << "not a database\n";
    expect_usage_error({"debug", d, "--db", db}, {"--db", "notes.txt", "not a valid hlsv store"});
    expect_usage_error({"generate", d, "--db", db}, {"--db", "not a valid hlsv store"});
    expect_usage_error({"inject", d, "--bug", "OOB", "--db", db}, {"--db"});
    expect_usage_error({"prompt", d, "--bug", "OOB", "--db", db}, {"--db"});
    expect_usage_error({"rag", "stats", "--db", db}, {"--db"});
    EXPECT_EQ(read_file(db), "not a database\n") << "the file was modified";
}

TEST_F(BadInput, ARunWhereEveryDesignIsSkippedFails) {
    std::ofstream(dir / "design" / "hlsv.json")
        << R"({"top": "f", "sources": ["f.cpp"], "timout_s": 3})";
    Outcome r =
        hlsv({"-q", "generate", (dir / "design").string(), "--out", (dir / "out").string()}, dir);
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("every design was skipped (1)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("timout_s"), std::string::npos) << r.err;
}

TEST_F(BadInput, CsimOfASourceFileNamesTheFile) {
    expect_usage_error({"csim", (dir / "design" / "f.cpp").string()},
                       {"f.cpp: a source file has no testbench", "--diff"});
}

TEST_F(BadInput, EveryCommandsHelpShowsItsRanges) {
    for (const char* cmd : {"generate", "csim", "debug", "eval", "prompt", "inject", "lsp"}) {
        Outcome r = hlsv({cmd, "--help"}, dir);
        EXPECT_EQ(r.code, 0) << cmd << ": " << r.err;
        // e.g. "--jobs INT:0..1024": the range is part of the option's type in --help.
        EXPECT_NE(r.out.find(".."), std::string::npos) << cmd << ":\n" << r.out;
    }
}

} // namespace
} // namespace hlsv
