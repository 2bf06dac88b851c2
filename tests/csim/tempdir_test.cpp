// Temporary directories: the owner's pid in the name, and the sweep of stale ones left by
// processes that died without cleaning up (SIGKILL).
#include "helpers.h"

#include <csignal>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

namespace hlsv::csim::test {
namespace {

using namespace std::chrono_literals;

// The pid of a process that has exited and been reaped.
pid_t dead_pid() {
    pid_t p = ::fork();
    if (p == 0) {
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(p, &status, 0);
    return p;
}

struct Sweep : ::testing::Test {
    TempDir parent{"hlsv-csim-sweep-test-"};
    std::string ns = temp_owner_tag().substr(temp_owner_tag().find('.'));

    fs::path make(const std::string& name, std::chrono::minutes age) {
        fs::path p = parent.path() / name;
        fs::create_directories(p / "sub");
        write_file_atomic(p / "sub" / "sim", "x");
        fs::last_write_time(p, fs::file_time_type::clock::now() - age);
        return p;
    }
};

TEST_F(Sweep, TempDirNamesCarryTheOwner) {
    TempDir t("hlsv-run-", parent.path());
    std::string name = t.path().filename().string();
    EXPECT_EQ(name.rfind("hlsv-run-" + temp_owner_tag() + "-", 0), 0u) << name;
    EXPECT_EQ(temp_owner_tag().rfind(std::to_string(::getpid()) + ".", 0), 0u);
}

TEST_F(Sweep, RemovesOnlyOldDirsOfDeadOwners) {
    std::string dead = std::to_string(dead_pid());
    std::string alive = std::to_string(::getpid());
    fs::path stale = make("hlsv-run-" + dead + ns + "-aB3xYz", 20min);
    fs::path stale_batch = make("hlsv-batch-" + dead + ns + "-Qq9Ww1", 11min);
    fs::path fresh = make("hlsv-build-" + dead + ns + "-f00bar", 1min);
    fs::path mine = make("hlsv-run-" + alive + ns + "-m1nE00", 60min);
    fs::path other_ns = make("hlsv-run-" + dead + ".1-oTher0", 60min);
    fs::path no_owner = make("hlsv-run-zzzzzz", 60min); // an old-style name: not ours to judge
    fs::path foreign = make("other-" + dead + ns + "-aB3xYz", 60min);
    EXPECT_EQ(sweep_stale_temp_dirs(parent.path(), 600s), 2u);
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_FALSE(fs::exists(stale_batch));
    for (const auto& p : {fresh, mine, other_ns, no_owner, foreign}) {
        EXPECT_TRUE(fs::exists(p)) << p;
    }
    EXPECT_EQ(sweep_stale_temp_dirs(parent.path(), 600s), 0u);
}

TEST_F(Sweep, AMissingParentIsNotAnError) {
    EXPECT_EQ(sweep_stale_temp_dirs(parent.path() / "missing", 0s), 0u);
}

TEST_F(Sweep, ASimulatorSweepsWhatAKilledProcessLeft) {
    // A child makes a temp dir the way the Simulator does and is SIGKILLed: its dir stays.
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    pid_t child = ::fork();
    if (child == 0) {
        ::close(ready[0]);
        TempDir t("hlsv-run-", parent.path());
        char c = 1;
        (void)!::write(ready[1], &c, 1);
        ::pause();
        ::_exit(0);
    }
    ::close(ready[1]);
    char c = 0;
    ASSERT_EQ(::read(ready[0], &c, 1), 1);
    ::close(ready[0]);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    std::vector<fs::path> left;
    for (const auto& e : fs::directory_iterator(parent.path())) {
        left.push_back(e.path());
    }
    ASSERT_EQ(left.size(), 1u);
    EXPECT_NE(left[0].filename().string().find(std::to_string(child) + "."), std::string::npos);

    // The next Simulator start removes it (its owner is dead), and not a live owner's.
    TempDir mine("hlsv-run-", parent.path());
    std::string old_tmp = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "";
    ::setenv("TMPDIR", parent.path().c_str(), 1);
    { Simulator sim; }
    if (old_tmp.empty()) {
        ::unsetenv("TMPDIR");
    } else {
        ::setenv("TMPDIR", old_tmp.c_str(), 1);
    }
    EXPECT_TRUE(fs::exists(mine.path()));
    EXPECT_FALSE(fs::exists(left[0]));
}

} // namespace
} // namespace hlsv::csim::test
