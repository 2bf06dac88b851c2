// The sandbox's walls (issue 13 part 4): no network, nothing written outside the run
// directory, limits on what the compiler is fed; and safe `-o` outputs (part 5).
#include "helpers.h"
#include "sandbox.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <random>
#include <sched.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace hlsv::csim::test {
namespace {

struct Walls : SimFixture {
    TempDir dir{"hlsv-walls-test-"};
    Result golden(const std::map<std::string, std::string>& env = {}) {
        Options o = options();
        o.env = env;
        Simulator sim(o);
        return sim.run_golden(load_design(dir.path()));
    }
    void design(const std::string& tb) {
        write_file_atomic(dir.path() / "hlsv.json",
                          R"({"top": "f", "sources": ["f.cpp"], "testbench": ["tb.cpp"]})");
        write_file_atomic(dir.path() / "f.cpp", "int f() { return 0; }\n");
        write_file_atomic(dir.path() / "tb.cpp", tb);
    }
};

TEST_F(Walls, LoopbackServiceIsUnreachable) {
    int srv = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ASSERT_GE(srv, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(srv, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    ASSERT_EQ(::listen(srv, 4), 0);
    socklen_t len = sizeof a;
    ::getsockname(srv, reinterpret_cast<sockaddr*>(&a), &len);
    design(R"(#include <arpa/inet.h>
#include <cstdio>
#include <cstdlib>
#include <netinet/in.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/wait.h>
int f();
int main() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{}; a.sin_family = AF_INET; a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(std::atoi(std::getenv("HLSV_TEST_PORT")));
  if (s >= 0 && connect(s, (sockaddr*)&a, sizeof a) == 0) { std::puts("connected"); return 1; }
  std::puts("refused"); return f();
})");
    auto r = golden({{"HLSV_TEST_PORT", std::to_string(ntohs(a.sin_port))}});
    EXPECT_TRUE(r.isolation.network) << r.isolation.note;
    EXPECT_EQ(r.verdict, Verdict::pass) << r.stdout_text << r.detail;
    EXPECT_EQ(r.stdout_text, "refused\n");
    int c = ::accept(srv, nullptr, nullptr); // nothing ever arrived
    EXPECT_LT(c, 0);
    ::close(srv);
}

TEST_F(Walls, WritesOutsideTheRunDirectoryStayInside) {
    std::string token = "hlsv-escape-" + std::to_string(std::random_device{}());
    design("#include <cstdio>\nint f();\nint main() {\n"
           "  int n = 0;\n"
           "  if (FILE* a = std::fopen(\"/tmp/" +
           token +
           "\", \"w\")) { std::fclose(a); ++n; }\n"
           "  if (FILE* b = std::fopen(\"../" +
           token +
           "\", \"w\")) { std::fclose(b); ++n; }\n"
           "  if (FILE* c = std::fopen(\"local.txt\", \"w\")) { std::fclose(c); ++n; }\n"
           "  std::printf(\"%d\\n\", n); return f(); }\n");
    auto r = golden();
    EXPECT_EQ(r.verdict, Verdict::pass) << r.detail;
    EXPECT_TRUE(r.isolation.readonly_fs) << r.isolation.note;
    EXPECT_TRUE(r.isolation.private_tmp) << r.isolation.note;
    EXPECT_FALSE(fs::exists(fs::path("/tmp") / token));
    EXPECT_FALSE(fs::exists(temp_parent() / token));
    EXPECT_FALSE(fs::exists(dir.path().parent_path() / token));
}

TEST_F(Walls, HugeSourceIsAClearCompileErrorQuickly) {
    write_file_atomic(dir.path() / "hlsv.json",
                      R"({"top": "f", "sources": ["f.cpp"], "testbench": ["tb.cpp"]})");
    std::string big = "int f() { return 0; }\n";
    std::string line = "static const int pad_" + std::string(40, 'x') + "[] = {0};\n";
    while (big.size() < (50u << 20)) {
        big += "// " + std::string(200, 'p') + "\n";
    }
    write_file_atomic(dir.path() / "f.cpp", big);
    write_file_atomic(dir.path() / "tb.cpp", "int f();\nint main() { return f(); }\n");
    auto t0 = std::chrono::steady_clock::now();
    auto r = golden();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(r.verdict, Verdict::compile_error);
    EXPECT_NE(r.detail.find("too large"), std::string::npos) << r.detail;
    EXPECT_LT(s, 30.0);
}

TEST(CompilerLimits, CompilerRunsInItsOwnPidNamespaceWithAMemoryLimit) {
    TempDir d("hlsv-cc-limit-test-");
    Command c;
    c.argv = {"sh", "-c", "echo $$; ulimit -v"};
    c.cwd = d.path();
    c.env = base_env(d.path());
    c.limits.address_space = 3ull << 30;
    c.limits.drop_privileges = false;
    c.isolation = Isolation::process;
    auto o = run_command(c);
    EXPECT_TRUE(o.isolation.pid_namespace) << o.isolation.note;
    EXPECT_TRUE(o.isolation.parent_death_signal);
    EXPECT_EQ(o.out, "2\n3145728\n"); // pid 2: the program under the namespace's first process
}

TEST(CompilerLimits, AbortKeepsItsSignalUnderThePidNamespace) {
    TempDir d("hlsv-abort-test-");
    Command c;
    c.argv = {"sh", "-c", "kill -ABRT $$"};
    c.cwd = d.path();
    c.env = base_env(d.path());
    c.isolation = Isolation::full;
    auto o = run_command(c);
    EXPECT_EQ(o.signal, SIGABRT);
}

// ---- safe outputs (write_file_atomic is what every `-o` goes through) ----------------------

TEST(SafeOutput, DevNullStaysACharacterDevice) {
    write_file_atomic("/dev/null", "discarded\n");
    struct stat st {};
    ASSERT_EQ(::stat("/dev/null", &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST(SafeOutput, DevFullIsExitTwoWithTheCause) {
    try {
        write_file_atomic("/dev/full", "x");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ExitCode::usage);
        EXPECT_NE(std::string(e.what()).find("No space left"), std::string::npos) << e.what();
    }
    struct stat st {};
    ASSERT_EQ(::stat("/dev/full", &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST(SafeOutput, SymlinkStaysASymlinkAndItsTargetIsWritten) {
    TempDir d("hlsv-safe-out-test-");
    write_file_atomic(d.path() / "target.txt", "old\n");
    fs::create_symlink("target.txt", d.path() / "link.txt");
    write_file_atomic(d.path() / "link.txt", "new\n");
    EXPECT_TRUE(fs::is_symlink(d.path() / "link.txt"));
    EXPECT_EQ(read_file(d.path() / "target.txt"), "new\n");
}

TEST(SafeOutput, FifoIsWrittenThrough) {
    TempDir d("hlsv-safe-out-test-");
    fs::path fifo = d.path() / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::string got;
    std::thread reader([&] {
        int fd = ::open(fifo.c_str(), O_RDONLY);
        char buf[64];
        ssize_t n;
        while ((n = ::read(fd, buf, sizeof buf)) > 0) {
            got.append(buf, std::size_t(n));
        }
        ::close(fd);
    });
    write_file_atomic(fifo, "through the pipe\n");
    reader.join();
    EXPECT_EQ(got, "through the pipe\n");
    struct stat st {};
    ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST(SafeOutput, ReadOnlyFileSystemIsExitTwo) {
    // A read-only tmpfs in a private mount namespace of a child process.
    TempDir d("hlsv-safe-out-test-");
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        if (::unshare(CLONE_NEWNS) != 0 ||
            ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
            ::mount("ro", d.path().c_str(), "tmpfs", MS_RDONLY, nullptr) != 0) {
            ::_exit(77); // the kernel does not let us: skipped below
        }
        try {
            write_file_atomic(d.path() / "out.json", "{}");
        } catch (const Error& e) {
            ::_exit(static_cast<int>(e.code()));
        }
        ::_exit(0);
    }
    int st = 0;
    ::waitpid(pid, &st, 0);
    ASSERT_TRUE(WIFEXITED(st));
    if (WEXITSTATUS(st) == 77) {
        GTEST_SKIP() << "no mount namespace here";
    }
    EXPECT_EQ(WEXITSTATUS(st), 2);
}

TEST(SafeOutput, RegularFileIsReplacedAtomicallyKeepingItsMode) {
    TempDir d("hlsv-safe-out-test-");
    fs::path p = d.path() / "out.txt";
    write_file_atomic(p, "one\n");
    fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write);
    write_file_atomic(p, "two\n");
    EXPECT_EQ(read_file(p), "two\n");
    EXPECT_EQ(fs::status(p).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
}

} // namespace
} // namespace hlsv::csim::test
