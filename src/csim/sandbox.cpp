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
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
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

// ---- the child side: async-signal-safe calls only ----------------------------------------

// Setup results the namespace's first process reports to the parent with the program's status.
enum SetupBits : int {
    k_fs_readonly = 1,
    k_private_tmp = 2,
    k_dropped = 4,
    k_pdeathsig = 8,
};

struct StatusReport {
    int setup = 0;
    int status = 0;
    int started = 0; ///< 1 when the program was started (the status is its own)
};

// Everything the child needs, prepared before fork/clone.
struct ChildPlan {
    const char* program = nullptr;
    char* const* argv = nullptr;
    char* const* envp = nullptr;
    const char* cwd = nullptr;
    const Limits* lim = nullptr;
    rlim_t cpu_soft = 0;
    rlim_t nproc = 0;
    bool drop = false;
    bool pid_ns = false;
    bool mount_ns = false;
    bool user_ns = false;
    uid_t outer_uid = 0;
    gid_t outer_gid = 0;
    int out_w = -1, err_w = -1;
    int status_w = -1; ///< StatusReport goes here (pid namespace only)
    int alive_r = -1;  ///< read end of a pipe the parent holds open: EOF means it died
    // Preformatted uid/gid maps for a user namespace.
    char uid_map[64] = {0};
    char gid_map[64] = {0};
    // Prefixes of cwd (for recreating it inside the private /tmp): "/tmp", "/tmp/a", ...
    char cwd_prefixes[16][512] = {{0}};
    int n_prefixes = 0;
    bool cwd_under_tmp = false;
};

bool write_text(const char* path, const char* text) {
    int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    std::size_t len = std::strlen(text);
    bool ok = ::write(fd, text, len) == static_cast<ssize_t>(len);
    ::close(fd);
    return ok;
}

int set_mount_attr(const char* path, unsigned flags, std::uint64_t set, std::uint64_t clr) {
    struct mount_attr attr {};
    attr.attr_set = set;
    attr.attr_clr = clr;
    return static_cast<int>(
        ::syscall(SYS_mount_setattr, AT_FDCWD, path, flags, &attr, sizeof attr));
}

// A read-only view of every mount, a fresh tmpfs on /tmp and /dev/shm, and `cwd` writable.
int setup_file_system(const ChildPlan& p) {
    int bits = 0;
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        return 0;
    }
    int run_fd = ::open(p.cwd, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (run_fd < 0) {
        return 0;
    }
    bool ro = set_mount_attr("/", AT_RECURSIVE, MOUNT_ATTR_RDONLY, 0) == 0;
    bool tmp =
        ::mount("hlsv-tmp", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=64m,mode=1777") == 0;
    ::mount("hlsv-shm", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "size=16m,mode=1777");
    if (tmp && p.cwd_under_tmp) {
        for (int i = 0; i < p.n_prefixes; ++i) {
            ::mkdir(p.cwd_prefixes[i], 0755);
        }
    }
    char fd_path[64];
    std::snprintf(fd_path, sizeof fd_path, "/proc/self/fd/%d", run_fd);
    bool run_ok = ::mount(fd_path, p.cwd, nullptr, MS_BIND, nullptr) == 0 &&
                  set_mount_attr(p.cwd, 0, 0, MOUNT_ATTR_RDONLY) == 0;
    ::close(run_fd);
    if (!run_ok) {
        ::_exit(125); // the run directory is not writable: nothing meaningful can run
    }
    // A /proc of the new pid namespace: the program sees only its own processes.
    ::mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr);
    bits |= ro ? k_fs_readonly : 0;
    bits |= tmp ? k_private_tmp : 0;
    return bits;
}

[[noreturn]] void exec_program(const ChildPlan& p) {
    // ETXTBSY: another thread's child, forked while the program was still being written,
    // holds the write descriptor until its own exec closes it. Wait for that, briefly.
    for (int tries = 0;; ++tries) {
        ::execve(p.program, p.argv, p.envp);
        if (errno != ETXTBSY || tries >= 200) {
            break;
        }
        struct timespec pause = {0, 5'000'000};
        ::nanosleep(&pause, nullptr);
    }
    ::_exit(127);
}

[[noreturn]] void child_main(const ChildPlan& p) {
    ::setpgid(0, 0);
    // Only we stop our children (SIGKILL, on a limit). A batch scheduler stopping the job
    // (Slurm's requeue, preemption, scancel) sends SIGTERM to every process of it: ignored here
    // (the disposition survives exec), it reaches only hlsv, which lets the runs in flight end and
    // records honest verdicts, instead of a "crash: killed by SIGTERM" that was never the code's.
    struct sigaction ign {};
    ign.sa_handler = SIG_IGN;
    for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
        ::sigaction(sig, &ign, nullptr);
    }
    int setup = 0;
    if (p.user_ns) {
        // Map our own uid/gid to root inside: enough to mount, nothing outside.
        write_text("/proc/self/setgroups", "deny");
        write_text("/proc/self/uid_map", p.uid_map);
        write_text("/proc/self/gid_map", p.gid_map);
    }
    if (p.mount_ns) {
        setup |= setup_file_system(p);
    }
    int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, 0);
    ::dup2(p.out_w, 1);
    ::dup2(p.err_w, 2);
    int status_fd = -1, alive_fd = -1;
    if (p.status_w >= 0) {
        status_fd = ::dup2(p.status_w, 3);
        ::fcntl(status_fd, F_SETFD, FD_CLOEXEC);
    }
    if (p.alive_r >= 0) {
        alive_fd = ::dup2(p.alive_r, 4);
        ::fcntl(alive_fd, F_SETFD, FD_CLOEXEC);
    }
    ::syscall(SYS_close_range, 5u, ~0u, 0u);
    if (p.cwd && *p.cwd && ::chdir(p.cwd) != 0) {
        ::_exit(126);
    }
    // Lowest priority: a fork bomb must not starve the parent that watches and kills it.
    ::setpriority(PRIO_PROCESS, 0, 19);
    const Limits& lim = *p.lim;
    set_limit(RLIMIT_CPU, p.cpu_soft, p.cpu_soft + 1);
    set_limit(RLIMIT_FSIZE, lim.file_size, lim.file_size);
    set_limit(RLIMIT_CORE, 0, 0);
    set_limit(RLIMIT_NPROC, p.nproc, p.nproc);
    if (lim.address_space > 0) {
        set_limit(RLIMIT_AS, lim.address_space, lim.address_space);
    }
    if (p.drop) {
        // RLIMIT_NPROC is not enforced for root; as nobody it is, and the program cannot
        // read our files.
        // Raw syscalls: glibc's setuid() in a process it believes multi-threaded (we are a raw
        // clone of one) signals every thread it knows of and waits for them; those threads do
        // not exist here, so it would wait forever.
        if (::syscall(SYS_setgroups, 0L, 0L) != 0 ||
            ::syscall(SYS_setresgid, long(k_nobody), long(k_nobody), long(k_nobody)) != 0 ||
            ::syscall(SYS_setresuid, long(k_nobody), long(k_nobody), long(k_nobody)) != 0) {
            ::_exit(126);
        }
        setup |= k_dropped;
    }
    // After the uid change (which clears it): die with the thread that started us.
    if (::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) == 0) {
        setup |= k_pdeathsig;
    }
    if (alive_fd >= 0) {
        struct pollfd pf = {alive_fd, POLLIN, 0};
        if (::poll(&pf, 1, 0) > 0) { // EOF: the parent died before the signal was armed
            ::_exit(126);
        }
    }
    if (!p.pid_ns) {
        exec_program(p);
    }
    // First process of a pid namespace: start the program as its child, so it is not "init"
    // (which ignores its own default-action signals: abort() must still be SIGABRT), reap
    // every orphan, and report the program's status. When we die, the kernel kills the rest.
    // Not glibc's fork(): we were started by a raw clone from a multi-threaded process, so a
    // malloc arena lock another thread held at that moment is still locked here, and fork()
    // takes every arena lock for its atfork handlers. The raw syscall takes none.
    pid_t prog =
        static_cast<pid_t>(::syscall(SYS_clone, static_cast<long>(SIGCHLD), 0L, 0L, 0L, 0L));
    if (prog < 0) {
        ::_exit(126);
    }
    if (prog == 0) {
        if (alive_fd >= 0) {
            ::close(alive_fd);
        }
        if (status_fd >= 0) {
            ::close(status_fd);
        }
        exec_program(p);
    }
    StatusReport rep;
    rep.setup = setup;
    while (true) {
        int st = 0;
        pid_t r = ::waitpid(-1, &st, 0);
        if (r == prog) {
            rep.status = st;
            rep.started = 1;
            break;
        }
        if (r < 0 && errno != EINTR) {
            break;
        }
    }
    if (status_fd >= 0) {
        (void)!::write(status_fd, &rep, sizeof rep);
    }
    ::_exit(0);
}

std::string fmt_hex(int v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%x", unsigned(v));
    return buf;
}

std::mutex& probe_mutex() {
    static std::mutex mu;
    return mu;
}

// clone() flags refused once are not tried again (each refusal costs a failed syscall).
std::map<int, bool>& refused_flags() {
    static std::map<int, bool> m;
    return m;
}

int namespace_flags(Isolation level, bool root) {
    int flags = 0;
    if (level != Isolation::none) {
        flags |= CLONE_NEWPID;
    }
    if (level == Isolation::full) {
        flags |= CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWIPC;
    }
    if (flags && !root) {
        flags |= CLONE_NEWUSER;
    }
    return flags;
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
    // Status pipe (the namespace's first process reports the program's status and what setup
    // it got) and a liveness pipe (its read end sees EOF if we die before PDEATHSIG is armed).
    int status_pipe[2] = {-1, -1}, alive_pipe[2] = {-1, -1};
    bool root = running_as_root();
    int ns_flags = namespace_flags(cmd.isolation, root);
    {
        std::lock_guard lock(probe_mutex());
        if (ns_flags && refused_flags().count(ns_flags)) {
            // Fall back one level: a pid namespace alone, then nothing.
            int pid_only = namespace_flags(Isolation::process, root);
            ns_flags = refused_flags().count(pid_only) ? 0 : pid_only;
        }
    }
    if (ns_flags) {
        if (::pipe2(status_pipe, O_CLOEXEC) != 0) {
            ns_flags = 0;
        }
    }
    if (::pipe2(alive_pipe, O_CLOEXEC) != 0) {
        alive_pipe[0] = alive_pipe[1] = -1;
    }
    ChildPlan plan;
    plan.program = program.c_str();
    plan.argv = argv.data();
    plan.envp = envp.data();
    plan.cwd = cwd.c_str();
    plan.lim = &lim;
    plan.cpu_soft = cpu_soft;
    plan.nproc = nproc;
    plan.drop = drop;
    plan.out_w = out_pipe[1];
    plan.err_w = err_pipe[1];
    plan.alive_r = alive_pipe[0];
    plan.outer_uid = ::geteuid();
    plan.outer_gid = ::getegid();
    std::snprintf(plan.uid_map, sizeof plan.uid_map, "0 %u 1", unsigned(plan.outer_uid));
    std::snprintf(plan.gid_map, sizeof plan.gid_map, "0 %u 1", unsigned(plan.outer_gid));
    {
        // Every ancestor of cwd below /tmp, to recreate the path inside the private /tmp.
        fs::path c = fs::path(cwd).lexically_normal();
        fs::path acc;
        for (const auto& part : c) {
            acc /= part;
            if (acc.string().rfind("/tmp", 0) == 0 && acc.string() != "/tmp" &&
                plan.n_prefixes < 16 && acc.string().size() < 511) {
                std::snprintf(plan.cwd_prefixes[plan.n_prefixes++], 512, "%s", acc.c_str());
            }
        }
        plan.cwd_under_tmp = c.string().rfind("/tmp/", 0) == 0 && plan.n_prefixes < 16;
    }
    auto start = Clock::now();
    pid_t pid = -1;
    while (true) {
        plan.pid_ns = (ns_flags & CLONE_NEWPID) != 0;
        plan.mount_ns = (ns_flags & CLONE_NEWNS) != 0;
        plan.user_ns = (ns_flags & CLONE_NEWUSER) != 0;
        plan.status_w = plan.pid_ns ? status_pipe[1] : -1;
        if (ns_flags) {
            // Like fork, with new namespaces (the raw syscall: glibc's clone wants a stack).
            pid = static_cast<pid_t>(
                ::syscall(SYS_clone, static_cast<long>(ns_flags | SIGCHLD), 0L, 0L, 0L, 0L));
        } else {
            pid = ::fork();
        }
        if (pid == 0) {
            child_main(plan);
        }
        if (pid < 0 && ns_flags &&
            (errno == EPERM || errno == EINVAL || errno == ENOSPC || errno == EUSERS)) {
            std::lock_guard lock(probe_mutex());
            refused_flags()[ns_flags] = true;
            int pid_only = namespace_flags(Isolation::process, root);
            ns_flags = ns_flags != pid_only && !refused_flags().count(pid_only) ? pid_only : 0;
            continue;
        }
        break;
    }
    // The wall clock starts once clone() returned: creating a network namespace can take a
    // while on a loaded machine, and that is not the program's time.
    start = Clock::now();
    if (pid < 0) {
        int err = errno;
        for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1], status_pipe[0],
                       status_pipe[1], alive_pipe[0], alive_pipe[1]}) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
        out.failure = Failure::error;
        out.error = std::string("fork: ") + std::strerror(err);
        return out;
    }
    for (int fd : {status_pipe[1], alive_pipe[0]}) {
        if (fd >= 0) {
            ::close(fd);
        }
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
    if (alive_pipe[1] >= 0) {
        ::close(alive_pipe[1]);
    }
    int setup = 0;
    if (status_pipe[0] >= 0) {
        StatusReport rep;
        ssize_t got = ::read(status_pipe[0], &rep, sizeof rep);
        ::close(status_pipe[0]);
        if (got == static_cast<ssize_t>(sizeof rep)) {
            setup = rep.setup;
            if (rep.started) {
                status = rep.status; // the program's own status, not its namespace's init
            }
        } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
            status = W_EXITCODE(126, 0); // died before reporting: never a pass
        }
    }
    IsolationReport& iso = out.isolation;
    iso.pid_namespace = (ns_flags & CLONE_NEWPID) != 0;
    iso.network = (ns_flags & CLONE_NEWNET) != 0;
    iso.user_namespace = (ns_flags & CLONE_NEWUSER) != 0;
    iso.readonly_fs = (setup & k_fs_readonly) != 0;
    iso.private_tmp = (setup & k_private_tmp) != 0;
    iso.dropped_privileges = drop && (!iso.pid_namespace || (setup & k_dropped));
    iso.parent_death_signal = !iso.pid_namespace || (setup & k_pdeathsig);
    int wanted = namespace_flags(cmd.isolation, root);
    if ((wanted & ~ns_flags) != 0) {
        iso.note = "the kernel refused some namespaces (clone flags 0x" +
                   fmt_hex(wanted & ~ns_flags) + "); ran with fewer walls";
    } else if ((ns_flags & CLONE_NEWNS) && !(iso.readonly_fs && iso.private_tmp)) {
        iso.note = std::string("mount namespace without ") +
                   (iso.readonly_fs ? "a private /tmp" : "a read-only file system view");
    }
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
