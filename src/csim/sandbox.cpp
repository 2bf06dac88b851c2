// The sandbox: fork + exec in a new process group with rlimits; the parent polls the output
// pipes, enforces the wall clock, the output cap and the group size, and kills the whole group
// at the end so nothing outlives a run. Async-signal-safe calls only between fork and exec
// (the simulator is multithreaded).
#include "sandbox.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <mutex>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <time.h>
#include <unistd.h>

namespace hlsv::csim {

namespace {

constexpr uid_t k_nobody = 65534;
using Clock = std::chrono::steady_clock;

bool running_as_root() {
    return ::geteuid() == 0;
}

// Orphans of a killed group are re-parented to us instead of to PID 1 (which in containers may
// never reap them), so we can wait for every member of the group.
void become_subreaper() {
    static std::once_flag once;
    std::call_once(once, [] { ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); });
}

// Processes of this user when we start, so RLIMIT_NPROC (per user) leaves room for a run's own
// processes without starving the rest of the session.
rlim_t user_process_count() {
    static const rlim_t count = [] {
        rlim_t n = 0;
        uid_t me = ::getuid();
        if (DIR* d = ::opendir("/proc")) {
            while (dirent* e = ::readdir(d)) {
                if (e->d_name[0] < '0' || e->d_name[0] > '9') {
                    continue;
                }
                struct stat st {};
                std::string p = std::string("/proc/") + e->d_name;
                if (::stat(p.c_str(), &st) == 0 && st.st_uid == me) {
                    ++n;
                }
            }
            ::closedir(d);
        }
        return n;
    }();
    return count;
}

// Members of process group `pgid` (zombies included), by scanning /proc/<pid>/stat.
int group_size(pid_t pgid) {
    int n = 0;
    DIR* d = ::opendir("/proc");
    if (!d) {
        return 0;
    }
    char path[300];
    char buf[512];
    while (dirent* e = ::readdir(d)) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') {
            continue;
        }
        std::snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        int fd = ::open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            continue;
        }
        ssize_t len = ::read(fd, buf, sizeof buf - 1);
        ::close(fd);
        if (len <= 0) {
            continue;
        }
        buf[len] = 0;
        // Fields after the parenthesized command: state ppid pgrp ...
        const char* rp = std::strrchr(buf, ')');
        if (!rp) {
            continue;
        }
        char state = 0;
        int ppid = 0, pgrp = 0;
        if (std::sscanf(rp + 1, " %c %d %d", &state, &ppid, &pgrp) == 3 && pgrp == pgid) {
            ++n;
        }
    }
    ::closedir(d);
    return n;
}

// Kills every member of the group and reaps what comes back to us, until the group is gone
// (or 3 s passed: a member stuck in the kernel; we then leave it to the kernel).
void kill_group_and_reap(pid_t pgid) {
    auto deadline = Clock::now() + std::chrono::seconds(3);
    while (true) {
        bool gone = ::kill(-pgid, SIGKILL) != 0 && errno == ESRCH;
        // Reap members that are our children (the leader, and orphans via the subreaper).
        while (::waitpid(-pgid, nullptr, WNOHANG) > 0) {
        }
        if (gone) {
            return;
        }
        if (Clock::now() > deadline) {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

std::string resolve_program(const std::string& name,
                            const std::map<std::string, std::string>& env) {
    if (name.find('/') != std::string::npos) {
        return name;
    }
    auto it = env.find("PATH");
    std::string path = it != env.end() ? it->second : "/usr/local/bin:/usr/bin:/bin";
    for (const auto& dir : split(path, ':')) {
        std::string cand = (dir.empty() ? "." : dir) + "/" + name;
        if (::access(cand.c_str(), X_OK) == 0) {
            return cand;
        }
    }
    return {};
}

void set_limit(int resource, rlim_t soft, rlim_t hard) {
    struct rlimit rl {
        soft, hard
    };
    ::setrlimit(resource, &rl);
}

} // namespace

std::map<std::string, std::string> base_env(const fs::path& home) {
    const char* path = std::getenv("PATH");
    return {{"PATH", path ? path : "/usr/local/bin:/usr/bin:/bin"},
            {"HOME", home.string()},
            {"LANG", "C"},
            {"LC_ALL", "C"}};
}

void prepare_run_dir(const fs::path& dir) {
    if (!running_as_root()) {
        return;
    }
    ::chown(dir.c_str(), k_nobody, k_nobody);
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        ::lchown(it->path().c_str(), k_nobody, k_nobody);
    }
}

Outcome run_command(const Command& cmd) {
    become_subreaper();
    Outcome out;
    if (cmd.argv.empty()) {
        out.failure = Failure::error;
        out.error = "empty command";
        return out;
    }
    std::string program = resolve_program(cmd.argv[0], cmd.env);
    if (program.empty()) {
        out.failure = Failure::error;
        out.error = cmd.argv[0] + ": not found on PATH";
        return out;
    }
    // Everything the child needs is prepared before fork.
    std::vector<char*> argv;
    for (const auto& a : cmd.argv) {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    std::vector<std::string> env_strings;
    for (const auto& [k, v] : cmd.env) {
        env_strings.push_back(k + "=" + v);
    }
    std::vector<char*> envp;
    for (auto& e : env_strings) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    const Limits& lim = cmd.limits;
    double cpu = lim.cpu_s > 0 ? lim.cpu_s : lim.wall_s + 1;
    rlim_t cpu_soft = static_cast<rlim_t>(cpu + 0.999);
    bool drop = lim.drop_privileges && running_as_root();
    rlim_t nproc = drop ? 256 : user_process_count() + 256;
    std::string cwd = cmd.cwd.string();

    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
        out.failure = Failure::error;
        out.error = std::string("pipe: ") + std::strerror(errno);
        return out;
    }
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        out.failure = Failure::error;
        out.error = std::string("pipe: ") + std::strerror(errno);
        return out;
    }
    auto start = Clock::now();
    pid_t pid = ::fork();
    if (pid < 0) {
        int err = errno;
        for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
            ::close(fd);
        }
        out.failure = Failure::error;
        out.error = std::string("fork: ") + std::strerror(err);
        return out;
    }
    if (pid == 0) {
        ::setpgid(0, 0);
        int devnull = ::open("/dev/null", O_RDONLY);
        ::dup2(devnull, 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        ::syscall(SYS_close_range, 3u, ~0u, 0u);
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) {
            ::_exit(126);
        }
        // Lowest priority: a fork bomb must not starve the parent that watches and kills it.
        ::setpriority(PRIO_PROCESS, 0, 19);
        set_limit(RLIMIT_CPU, cpu_soft, cpu_soft + 1);
        set_limit(RLIMIT_FSIZE, lim.file_size, lim.file_size);
        set_limit(RLIMIT_CORE, 0, 0);
        set_limit(RLIMIT_NPROC, nproc, nproc);
        if (lim.address_space > 0) {
            set_limit(RLIMIT_AS, lim.address_space, lim.address_space);
        }
        if (drop) {
            // RLIMIT_NPROC is not enforced for root; as nobody it is, and the program cannot
            // read our files.
            if (::setgroups(0, nullptr) != 0 || ::setgid(k_nobody) != 0 ||
                ::setuid(k_nobody) != 0) {
                ::_exit(126);
            }
        }
        // ETXTBSY: another thread's child, forked while the program was still being written,
        // holds the write descriptor until its own exec closes it. Wait for that, briefly.
        for (int tries = 0;; ++tries) {
            ::execve(program.c_str(), argv.data(), envp.data());
            if (errno != ETXTBSY || tries >= 200) {
                break;
            }
            struct timespec pause = {0, 5'000'000};
            ::nanosleep(&pause, nullptr);
        }
        ::_exit(127);
    }
    ::setpgid(pid, pid); // also in the parent: no race with the kill below
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);

    auto deadline = start + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(lim.wall_s));
    auto next_group_check = start + std::chrono::milliseconds(30);
    std::string* bufs[2] = {&out.out, &out.err};
    int fds[2] = {out_pipe[0], err_pipe[0]};
    bool open[2] = {true, true};
    bool exited = false;
    int status = 0;
    Clock::time_point drain_deadline{};
    char chunk[65536];

    while (open[0] || open[1] || !exited) {
        if (!exited) {
            pid_t r = ::waitpid(pid, &status, WNOHANG);
            if (r == pid) {
                exited = true;
                // Leftover members (daemonized children) die with the leader; their pipe ends
                // close, so draining below ends promptly.
                ::kill(-pid, SIGKILL);
                drain_deadline = Clock::now() + std::chrono::milliseconds(500);
            }
        }
        auto now = Clock::now();
        if (exited && !(open[0] || open[1])) {
            break;
        }
        if (exited && now > drain_deadline) {
            break;
        }
        if (!exited && out.failure == Failure::none) {
            if (now >= deadline) {
                out.failure = Failure::timeout;
                ::kill(-pid, SIGKILL);
            } else if (now >= next_group_check) {
                next_group_check = now + std::chrono::milliseconds(30);
                if (group_size(pid) > lim.max_processes) {
                    out.failure = Failure::process_limit;
                    ::kill(-pid, SIGKILL);
                }
            }
        }
        pollfd pfd[2];
        int n = 0;
        int which[2];
        for (int i = 0; i < 2; ++i) {
            if (open[i]) {
                pfd[n] = {fds[i], POLLIN, 0};
                which[n++] = i;
            }
        }
        int wait_ms = 10;
        if (!exited) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
            wait_ms = static_cast<int>(std::clamp<long long>(left.count(), 0, 10));
        }
        if (n == 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(std::max(wait_ms, 1)));
            continue;
        }
        int pr = ::poll(pfd, n, wait_ms);
        if (pr <= 0) {
            continue;
        }
        for (int k = 0; k < n; ++k) {
            if (!(pfd[k].revents & (POLLIN | POLLHUP | POLLERR))) {
                continue;
            }
            int i = which[k];
            ssize_t got = ::read(fds[i], chunk, sizeof chunk);
            if (got <= 0) {
                if (got < 0 && errno == EINTR) {
                    continue;
                }
                open[i] = false;
                continue;
            }
            std::size_t room =
                lim.output_cap > bufs[i]->size() ? lim.output_cap - bufs[i]->size() : 0;
            bufs[i]->append(chunk, std::min<std::size_t>(room, static_cast<std::size_t>(got)));
            if (static_cast<std::size_t>(got) > room && out.failure == Failure::none && !exited) {
                out.failure = Failure::output_limit;
                ::kill(-pid, SIGKILL);
            }
        }
    }
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    if (!exited) {
        ::waitpid(pid, &status, 0);
    }
    kill_group_and_reap(pid);
    out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (WIFEXITED(status)) {
        out.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        out.signal = WTERMSIG(status);
        if (out.failure == Failure::none && (out.signal == SIGXCPU)) {
            out.failure = Failure::timeout;
        }
    }
    if (out.failure == Failure::none && WIFEXITED(status) && out.exit_code == 127 &&
        out.out.empty() && out.err.empty()) {
        out.failure = Failure::error;
        out.error = program + ": cannot execute";
    }
    return out;
}

} // namespace hlsv::csim
