// Generation and evaluation run on a Slurm cluster: one array job whose tasks each run a shard
// of the same command into their own store or shard file, and a job after it (afterok) that
// combines the shards and writes the whole result. Slurm schedules, requeues and accounts; hlsv
// only writes batch scripts.
#include "internal.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace hlsv::pipeline {

namespace {

/// Single-quotes a word for bash.
std::string sh_quote(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

std::string sh_join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        // Appended piecewise: `"lit" + std::string&&` trips a false -Wrestrict in GCC 12 at -O3.
        if (!out.empty()) {
            out += ' ';
        }
        out += sh_quote(w);
    }
    return out;
}

bool valid_time(const std::string& t) {
    // Slurm accepts more forms; HH:MM:SS and D-HH:MM:SS are the ones we document.
    int d = 0, h = 0, m = 0, s = 0;
    char tail = 0;
    return std::sscanf(t.c_str(), "%d:%d:%d%c", &h, &m, &s, &tail) == 3 ||
           std::sscanf(t.c_str(), "%d-%d:%d:%d%c", &d, &h, &m, &s, &tail) == 4;
}

fs::path self_exe() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) {
        throw InternalError("cannot find the hlsv binary (/proc/self/exe): " + ec.message());
    }
    return exe;
}

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

/// Runs argv, returns its standard output; throws InputError with its stderr on failure.
std::string run_capture(const std::vector<std::string>& argv) {
    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
        throw InternalError(std::string("pipe: ") + std::strerror(errno));
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    auto drain = [](int fd) {
        std::string s;
        char buf[4096];
        ssize_t n;
        while ((n = ::read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
            if (n > 0) {
                s.append(buf, static_cast<std::size_t>(n));
            }
        }
        ::close(fd);
        return s;
    };
    if (rc != 0) {
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        throw InputError(argv[0] + ": cannot run it (" + std::strerror(rc) +
                         "); is Slurm installed and on PATH?");
    }
    std::string out = drain(out_pipe[0]); // small outputs: no risk of both pipes filling
    std::string err = drain(err_pipe[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw InputError(argv[0] + " failed: " + first_line(err.empty() ? out : err));
    }
    return out;
}

std::string trim_job_id(std::string s) {
    // --parsable prints "jobid" or "jobid;cluster".
    s = s.substr(0, s.find_first_of(";\n"));
    return s;
}

} // namespace

namespace {

/// One array job of `shards` tasks and one job after it: what a cluster run of any command is.
struct BatchJob {
    std::string name;   ///< Slurm job name of the array; the merge job adds "-merge"
    fs::path dir;       ///< scripts and logs
    fs::path shard_dir; ///< the tasks' output
    std::string task;   ///< shell line of array task "$i" (exec'd)
    std::string merge;  ///< shell lines of the job after the array; the last one exec'd
    std::string next;   ///< shown after submission
};

void check_options(const SlurmOptions& o) {
    if (o.shards < 1 || o.shards > 10000) {
        throw InputError(fmt::format("--shards must be between 1 and 10000, got {}", o.shards));
    }
    if (!o.time.empty() && !valid_time(o.time)) {
        throw InputError("--time must look like HH:MM:SS or D-HH:MM:SS, got '" + o.time + "'");
    }
    if (o.cpus_per_task < 1) {
        throw InputError("--jobs must be at least 1 for a Slurm task");
    }
}

/// The one place that writes batch scripts, so generate and eval submit alike.
SlurmPlan plan_batch(const BatchJob& job, const SlurmOptions& o) {
    check_options(o);
    SlurmPlan p;
    p.dir = job.dir;
    p.shard_dir = job.shard_dir;
    p.shards = o.shards;
    p.next = job.next;
    std::string cwd = fs::current_path().string();
    std::string head = "#!/bin/bash\n";
    auto common = [&](const std::string& name, const std::string& log) {
        std::string s;
        s += "#SBATCH --job-name=" + name + "\n";
        s += "#SBATCH --chdir=" + cwd + "\n";
        s += "#SBATCH --output=" + log + "\n";
        if (!o.partition.empty()) {
            s += "#SBATCH --partition=" + o.partition + "\n";
        }
        if (!o.account.empty()) {
            s += "#SBATCH --account=" + o.account + "\n";
        }
        if (!o.time.empty()) {
            s += "#SBATCH --time=" + o.time + "\n";
        }
        return s;
    };
    p.array_script = head;
    p.array_script += common(job.name, (p.dir / "logs" / "shard-%a.log").string());
    p.array_script += fmt::format("#SBATCH --array=0-{}\n", o.shards - 1);
    p.array_script += fmt::format("#SBATCH --cpus-per-task={}\n", o.cpus_per_task);
    p.array_script += "#SBATCH --requeue\n";
    p.array_script += "set -euo pipefail\n";
    p.array_script += "i=${SLURM_ARRAY_TASK_ID:?run this script with sbatch --array}\n";
    p.array_script += "exec " + job.task + "\n";

    p.merge_script = head;
    p.merge_script += common(job.name + "-merge", (p.dir / "logs" / "merge.log").string());
    // A failed task never satisfies afterok: cancel the merge then instead of leaving it pending.
    p.merge_script += "#SBATCH --kill-on-invalid-dep=yes\n";
    p.merge_script += "set -euo pipefail\n";
    p.merge_script += job.merge;
    return p;
}

} // namespace

SlurmPlan plan_slurm(const std::string& command, const std::vector<std::string>& args,
                     const fs::path& out, const SlurmOptions& o) {
    check_options(o);
    fs::path abs_out = fs::absolute(out).lexically_normal();
    fs::path shard_dir = abs_out / "shards";
    std::string exe = sh_quote(self_exe().string());
    BatchJob job;
    job.name = "hlsv-" + command;
    job.dir = abs_out / "slurm";
    job.shard_dir = shard_dir;
    job.next = "progress: hlsv status " + abs_out.string();
    // Each task resumes its own shard store: a requeued or resubmitted task skips what is done.
    job.task = exe + " " + command + " " + sh_join(args) +
               fmt::format(" --jobs {} --shard \"$i/{}\"", o.cpus_per_task, o.shards) + " --db " +
               sh_quote((shard_dir / "shard-").string()) + "\"$i.db\"" + " --out " +
               sh_quote((shard_dir / "shard-").string()) + "\"$i\"";
    // The merge: every shard store into one, then the unsharded command, which finds every
    // item done and writes the exports of the whole dataset.
    std::string stores;
    for (int i = 0; i < o.shards; ++i) {
        stores += ' ';
        stores += sh_quote((shard_dir / fmt::format("shard-{}.db", i)).string());
    }
    job.merge = exe + " merge " + sh_quote((abs_out / "rag.db").string()) + stores + "\n";
    job.merge += "exec " + exe + " " + command + " " + sh_join(args) +
                 fmt::format(" --jobs {}", o.cpus_per_task) + " --db " +
                 sh_quote((abs_out / "rag.db").string()) + " --out " + sh_quote(abs_out.string()) +
                 "\n";
    SlurmPlan p = plan_batch(job, o);
    p.out = abs_out;
    return p;
}

SlurmPlan plan_slurm_eval(const std::vector<std::string>& args, const fs::path& shard_dir,
                          const SlurmOptions& o) {
    check_options(o);
    fs::path abs_dir = fs::absolute(shard_dir).lexically_normal();
    std::string exe = sh_quote(self_exe().string());
    std::string base =
        exe + " eval " + sh_join(args) + " --shard-dir " + sh_quote(abs_dir.string());
    BatchJob job;
    job.name = "hlsv-eval";
    job.dir = abs_dir / "slurm";
    job.shard_dir = abs_dir;
    job.next = "results: eval.json of the dataset once the merge job ends (logs: " +
               (job.dir / "logs").string() + ")";
    // A task writes only its shard file, atomically: a requeued task redoes its shard whole.
    job.task = base + fmt::format(" --jobs {} --shard \"$i/{}\"", o.cpus_per_task, o.shards);
    // Refuses (exit 2) when a shard file is missing or broken, so nothing partial is recorded.
    job.merge = "exec " + base + fmt::format(" --merge-shards {}", o.shards) + "\n";
    return plan_batch(job, o);
}

SlurmSubmission submit_slurm(const SlurmPlan& p, const std::string& sbatch) {
    fs::create_directories(p.dir / "logs");
    fs::create_directories(p.shard_dir);
    fs::path array_file = p.dir / "shards.sbatch", merge_file = p.dir / "merge.sbatch";
    write_file_atomic(array_file, p.array_script);
    write_file_atomic(merge_file, p.merge_script);
    SlurmSubmission s;
    s.array_job = trim_job_id(run_capture({sbatch, "--parsable", array_file.string()}));
    s.merge_job = trim_job_id(run_capture(
        {sbatch, "--parsable", "--dependency=afterok:" + s.array_job, merge_file.string()}));
    nlohmann::json plan = {{"shards", p.shards},
                           {"array_job", s.array_job},
                           {"merge_job", s.merge_job},
                           {"array_script", array_file.string()},
                           {"merge_script", merge_file.string()}};
    write_file_atomic(p.dir / "plan.json", plan.dump(2) + "\n");
    return s;
}

} // namespace hlsv::pipeline
