// Running untrusted programs (and the compiler): a fresh process group, rlimits, a wall-clock
// timeout that kills the whole group, a process-count guard, capped output capture and a
// scrubbed environment. The outcome keeps normal exits, signals, timeouts, limits and our own
// errors apart, like ccache's value | Failure::error | Failure::timeout.
#pragma once

#include "core/core.h"
#include "csim.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace hlsv::csim {

struct Limits {
    double wall_s = 10;
    double cpu_s = 0;                ///< 0: wall_s + 1
    std::uint64_t address_space = 0; ///< 0: unlimited (sanitizer builds, the compiler)
    std::uint64_t file_size = 256u << 20;
    int max_processes = 64;            ///< members of the process group
    std::size_t output_cap = 4u << 20; ///< per stream
    bool drop_privileges = true;       ///< when running as root: run as nobody
};

/// How far a command is walled off (each level where the kernel allows it; the outcome says
/// what was obtained).
enum class Isolation {
    none,    ///< process group, rlimits, parent-death signal
    process, ///< + own pid namespace: nothing it starts outlives it (compilers)
    full,    ///< + no network, read-only file system except `cwd`, private /tmp (simulations)
};

struct Command {
    Isolation isolation = Isolation::none;
    std::vector<std::string> argv;
    fs::path cwd;
    std::map<std::string, std::string> env; ///< the complete environment
    Limits limits;
};

enum class Failure {
    none,          ///< the program exited or was killed by a signal of its own
    error,         ///< we could not start it (message in `error`)
    timeout,       ///< wall clock or CPU time ran out
    output_limit,  ///< a stream exceeded the cap: killed
    process_limit, ///< too many processes in the group: killed
};

struct Outcome {
    Failure failure = Failure::none;
    int exit_code = -1; ///< when exited normally
    int signal = 0;     ///< when killed by a signal (also SIGXCPU for CPU limit -> timeout)
    std::string out, err;
    double seconds = 0;
    std::string error;
    IsolationReport isolation;
};

/// Runs `cmd` and returns after every process of its group is gone.
Outcome run_command(const Command& cmd);

/// The minimal environment: PATH, HOME=`home`, LANG=C.
std::map<std::string, std::string> base_env(const fs::path& home);

/// Which namespaces this kernel lets us create for `level` (probed once per level).
IsolationReport probe_isolation(Isolation level);

/// Makes `dir` (recursively) owned by the sandbox user, so a dropped-privilege run can write.
void prepare_run_dir(const fs::path& dir);

} // namespace hlsv::csim
