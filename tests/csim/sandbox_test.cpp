// The sandbox on its own: exits, signals, timeouts, output cap, fork bombs, environment.
#include "helpers.h"
#include "sandbox.h"

#include <atomic>
#include <chrono>
#include <dirent.h>
#include <fstream>
#include <mutex>
#include <signal.h>
#include <thread>

namespace hlsv::csim::test {

int processes_with(const std::string& marker) {
    int n = 0;
    DIR* d = opendir("/proc");
    while (dirent* e = d ? readdir(d) : nullptr) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') {
            continue;
        }
        std::ifstream in(std::string("/proc/") + e->d_name + "/cmdline", std::ios::binary);
        std::string cmd((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // Zombies have an empty cmdline; they are gone for our purposes once reaped.
        if (cmd.find(marker) != std::string::npos) {
            ++n;
        }
    }
    if (d) {
        closedir(d);
    }
    return n;
}

namespace {

Outcome sh(const std::string& script, double wall = 5, std::size_t cap = 1 << 20) {
    TempDir dir("hlsv-sandbox-test-");
    prepare_run_dir(dir.path());
    Command c;
    c.argv = {"/bin/sh", "-c", script};
    c.cwd = dir.path();
    c.env = base_env(dir.path());
    c.limits.wall_s = wall;
    c.limits.output_cap = cap;
    c.limits.max_processes = 16;
    return run_command(c);
}

TEST(Sandbox, ExitCodeAndOutputAreKeptApart) {
    auto o = sh("echo out; echo err >&2; exit 7");
    EXPECT_EQ(o.failure, Failure::none);
    EXPECT_EQ(o.exit_code, 7);
    EXPECT_EQ(o.signal, 0);
    EXPECT_EQ(o.out, "out\n");
    EXPECT_EQ(o.err, "err\n");
}

TEST(Sandbox, SignalIsReported) {
    auto o = sh("kill -SEGV $$");
    EXPECT_EQ(o.failure, Failure::none);
    EXPECT_EQ(o.signal, SIGSEGV);
}

TEST(Sandbox, TimeoutKillsTheWholeGroupIncludingBackgroundChildren) {
    auto t0 = std::chrono::steady_clock::now();
    auto o = sh("sleep 4321.25 & sleep 4321.25", 0.5);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(o.failure, Failure::timeout);
    EXPECT_LT(s, 2.5);
    EXPECT_EQ(processes_with("4321.25"), 0);
}

TEST(Sandbox, DaemonizedChildrenDieWithTheLeader) {
    auto o = sh("(sleep 4321.5 &) ; exit 0");
    EXPECT_EQ(o.exit_code, 0);
    EXPECT_EQ(processes_with("4321.5"), 0);
}

TEST(Sandbox, OutputFloodIsCutAtTheCap) {
    auto t0 = std::chrono::steady_clock::now();
    auto o = sh("yes 0123456789abcdef | head -c 1000000000", 20, 1 << 20);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(o.failure, Failure::output_limit);
    EXPECT_EQ(o.out.size(), 1u << 20);
    EXPECT_LT(s, 5);
}

TEST(Sandbox, ForkBombIsContainedAndKilled) {
    auto t0 = std::chrono::steady_clock::now();
    // Every process forks forever; the marker finds survivors.
    auto o = sh("bomb() { sleep 4321.75 & bomb & bomb; }; bomb", 10);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    // Either our process-group guard kills it, or (when other sandboxed runs of the same
    // unprivileged user are alive, as under ctest -j) the per-user RLIMIT_NPROC makes its forks
    // fail first and the shell gives up. Both contain it; a clean success would not.
    bool killed = o.failure == Failure::process_limit || o.failure == Failure::timeout;
    bool refused = o.failure == Failure::none && o.exit_code != 0;
    EXPECT_TRUE(killed || refused) << static_cast<int>(o.failure) << " exit " << o.exit_code;
    EXPECT_LT(s, 12);
    EXPECT_EQ(processes_with("4321.75"), 0);
}

TEST(Sandbox, EnvironmentIsScrubbed) {
    ::setenv("OPENAI_API_KEY", "sk-test-secret-value", 1);
    auto o = sh("env");
    ::unsetenv("OPENAI_API_KEY");
    EXPECT_EQ(o.out.find("sk-test-secret-value"), std::string::npos);
    EXPECT_NE(o.out.find("LANG=C"), std::string::npos);
    EXPECT_NE(o.out.find("PATH="), std::string::npos);
}

TEST(Sandbox, MissingProgramIsAnErrorNotAVerdict) {
    Command c;
    c.argv = {"hlsv-no-such-program-xyz"};
    c.env = base_env("/tmp");
    auto o = run_command(c);
    EXPECT_EQ(o.failure, Failure::error);
    EXPECT_NE(o.error.find("not found"), std::string::npos);
}

TEST(Sandbox, AddressSpaceLimitStopsHugeAllocations) {
    TempDir dir("hlsv-sandbox-test-");
    Command c;
    // python is not guaranteed; the shell's own allocation via a huge variable is slow, so use
    // head + a sized buffer through dd with a 3 GiB block.
    c.argv = {"/bin/dd", "if=/dev/zero", "of=/dev/null", "bs=3G", "count=1"};
    c.cwd = dir.path();
    c.env = base_env(dir.path());
    c.limits.wall_s = 10;
    c.limits.address_space = 1ull << 30;
    auto o = run_command(c);
    EXPECT_EQ(o.failure, Failure::none);
    EXPECT_NE(o.exit_code, 0); // dd: memory exhausted
}

} // namespace
} // namespace hlsv::csim::test

namespace hlsv::csim::test {
namespace {

// Programs copied into place while other threads fork (as the simulator's parallel runs do):
// a child forked mid-copy holds the write descriptor for a moment, and exec must wait it out
// (ETXTBSY) instead of reporting "cannot execute".
TEST(Sandbox, ExecOfAFreshlyCopiedProgramSurvivesConcurrentForks) {
    TempDir dir("hlsv-csim-etxtbsy-");
    std::atomic<int> errors{0};
    std::string first_error;
    std::mutex mu;
    std::vector<std::thread> pool;
    for (int t = 0; t < 4; ++t) {
        pool.emplace_back([&, t] {
            for (int i = 0; i < 40; ++i) {
                fs::path exe = dir.path() / ("true_" + std::to_string(t) + "_" + std::to_string(i));
                fs::copy_file("/bin/true", exe);
                Command c;
                c.argv = {exe.string()};
                c.cwd = dir.path();
                c.env = base_env(dir.path());
                c.limits.drop_privileges = false;
                Outcome o = run_command(c);
                if (o.failure != Failure::none || o.exit_code != 0) {
                    std::lock_guard lock(mu);
                    ++errors;
                    first_error = o.error.empty() ? std::to_string(o.exit_code) : o.error;
                }
            }
        });
    }
    for (auto& th : pool) {
        th.join();
    }
    EXPECT_EQ(errors.load(), 0) << first_error;
}

} // namespace
} // namespace hlsv::csim::test
