// `hlsv csim` end to end: exit codes and the JSON verdict.
#include "helpers.h"
#include "sandbox.h"

#include <chrono>
#include <csignal>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace hlsv::csim::test {
namespace {

// Processes whose command line contains `marker` (sandbox_test.cpp has the same for csim_test).
int procs_with(const std::string& marker) {
    int n = 0;
    for (const auto& e : fs::directory_iterator("/proc")) {
        std::string name = e.path().filename().string();
        if (name.empty() || name[0] < '0' || name[0] > '9') {
            continue;
        }
        try {
            n += read_file(e.path() / "cmdline").find(marker) != std::string::npos;
        } catch (const Error&) {
        }
    }
    return n;
}

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

TEST_F(Cli, JsonVerdictReportsIsolationAndOracle) {
    auto o = hlsv({fixture("adder").string()});
    ASSERT_EQ(o.exit_code, 0) << o.err;
    auto j = nlohmann::json::parse(o.out);
    ASSERT_TRUE(j.contains("isolation"));
    EXPECT_TRUE(j["isolation"]["pid_namespace"].get<bool>()) << j["isolation"];
    EXPECT_TRUE(j["isolation"]["network"].get<bool>()) << j["isolation"];
    ASSERT_TRUE(j.contains("observed"));
    EXPECT_TRUE(j.contains("weak_oracle"));
}

TEST_F(Cli, KeepPrintsTheKeptPath) {
    auto o = hlsv({fixture("adder").string(), "--keep", "--no-cache"});
    ASSERT_EQ(o.exit_code, 0) << o.err;
    auto p = o.err.find("kept: ");
    ASSERT_NE(p, std::string::npos) << o.err;
    std::string path = o.err.substr(p + 6, o.err.find('\n', p) - p - 6);
    EXPECT_TRUE(fs::exists(fs::path(path) / "link.log")) << path;
    fs::remove_all(path);
}

TEST_F(Cli, CacheInfoAndClear) {
    ASSERT_EQ(hlsv({fixture("adder").string()}).exit_code, 0);
    Command c;
    c.argv = {HLSV_BIN, "cache", "info", "--format", "json"};
    c.env = base_env(cache.path());
    c.env["XDG_CACHE_HOME"] = cache.path().string();
    c.limits.drop_privileges = false;
    auto o = run_command(c);
    ASSERT_EQ(o.exit_code, 0) << o.err;
    auto j = nlohmann::json::parse(o.out);
    EXPECT_EQ(j["dir"], (cache.path() / "hlsv" / "csim").string());
    EXPECT_GT(j["objects"].get<int>(), 0);
    EXPECT_GT(j["goldens"].get<int>(), 0);
    c.argv = {HLSV_BIN, "cache", "clear"};
    ASSERT_EQ(run_command(c).exit_code, 0);
    EXPECT_FALSE(fs::exists(cache.path() / "hlsv" / "csim" / "golden"));
}

// kill -9 of hlsv in the middle of a simulation: the simulated program dies with it (its pid
// namespace goes), and the next hlsv removes the dead run's directory.
TEST_F(Cli, KillNineLeavesNoProcessAndNoDirectory) {
    TempDir tmp("hlsv-kill-test-tmp-");
    TempDir design("hlsv-kill-test-design-");
    write_file_atomic(design.path() / "hlsv.json",
                      R"({"top": "f", "sources": ["f.cpp"], "testbench": ["tb.cpp"],
                          "args": ["4321.77"], "timeout_s": 600})");
    write_file_atomic(design.path() / "f.cpp", "int f() { return 0; }\n");
    write_file_atomic(
        design.path() / "tb.cpp",
        "#include <unistd.h>\nint f();\nint main() { for (;;) pause(); return f(); }\n");
    std::string tmpdir = "TMPDIR=" + tmp.path().string();
    std::string xdg = "XDG_CACHE_HOME=" + cache.path().string();
    std::string path = std::string("PATH=") + std::getenv("PATH");
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        char* argv[] = {const_cast<char*>(HLSV_BIN), const_cast<char*>("csim"),
                        const_cast<char*>(design.path().c_str()), nullptr};
        char* envp[] = {tmpdir.data(), xdg.data(), path.data(), nullptr};
        ::execve(HLSV_BIN, argv, envp);
        ::_exit(127);
    }
    auto until = [](auto cond, double seconds) {
        auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        while (!cond()) {
            if (std::chrono::steady_clock::now() > end) {
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return true;
    };
    bool started = until([] { return procs_with("4321.77") > 0; }, 120);
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    ASSERT_TRUE(started) << "the simulation never started";
    EXPECT_TRUE(until([] { return procs_with("4321.77") == 0; }, 10))
        << "the simulated program outlived hlsv";
    auto leftovers = [&] {
        int n = 0;
        for (const auto& e : fs::directory_iterator(tmp.path())) {
            n += e.path().filename().string().rfind("hlsv-", 0) == 0;
        }
        return n;
    };
    EXPECT_GT(leftovers(), 0); // SIGKILL leaves the run directory behind...
    Command c;                 // ...and the next hlsv sweeps it at start
    c.argv = {HLSV_BIN, "csim", fixture("adder").string()};
    c.env = base_env(cache.path());
    c.env["XDG_CACHE_HOME"] = cache.path().string();
    c.env["TMPDIR"] = tmp.path().string();
    c.limits.wall_s = 120;
    c.limits.drop_privileges = false;
    auto next = run_command(c); // its verdict does not matter here: the sweep runs at start
    EXPECT_EQ(leftovers(), 0) << next.out << next.err;
}

} // namespace
} // namespace hlsv::csim::test
