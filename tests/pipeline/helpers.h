// Shared helpers for the pipeline tests: temp dirs, the real hlsv binary run as a child process
// (optionally under a file-size limit, or left running so the test can signal it), JSONL
// reading, and read-only queries on a run's SQLite store.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <sys/types.h>
#include <vector>

namespace hlsv::pipeline::test {

namespace fs = std::filesystem;
using nlohmann::json;

/// A fresh directory under $TMPDIR, removed with everything in it at the end of the scope.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

  private:
    fs::path path_;
};

struct SpawnOptions {
    std::optional<long> fsize_limit;        ///< RLIMIT_FSIZE in bytes; SIGXFSZ is then ignored
    std::map<std::string, std::string> env; ///< added to (or overriding) the environment
};

/// A running child process (`argv[0]` is a path); stdout and stderr go to files read after it
/// ends. It runs in its own process group, so signals the test sends never reach the test.
class Child {
  public:
    Child(const std::vector<std::string>& argv, const SpawnOptions& opts = {});
    ~Child(); ///< kills and reaps a child still running, so a failed test leaks nothing
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t pid() const { return pid_; }
    bool running();
    void signal(int sig);
    /// Waits for the exit; returns the exit status, or 128 + signal when killed by one.
    int wait();
    /// Like wait(), but kills the child (and fails the test) when it outlives `seconds`.
    int wait_for(double seconds);
    std::string out() const;
    std::string err() const;

  private:
    TempDir logs_;
    std::string argv0_;
    pid_t pid_ = -1;
    int status_ = -1;
};

struct Result {
    int exit = -1;
    std::string out, err;
};

/// The argv that runs `hlsv args...`.
std::vector<std::string> hlsv_argv(const std::vector<std::string>& args);

/// Polls `cond` every 20 ms until it holds or `seconds` pass; returns whether it held.
bool poll_until(const std::function<bool()>& cond, double seconds);

/// Runs `hlsv args...` to completion.
Result run_hlsv(const std::vector<std::string>& args, const SpawnOptions& opts = {});

/// The fixture suites of this test directory and the benchmark designs.
fs::path fixtures();
fs::path bench_design(const std::string& name);

/// Every non-empty line of a JSONL file, parsed; a line that is not JSON fails the test.
std::vector<json> read_jsonl(const fs::path& file);
/// The "id" of every row.
std::multiset<std::string> ids_of(const std::vector<json>& rows);

std::string slurp(const fs::path& file);
/// Every regular file under `dir` (relative path -> contents), for byte-for-byte comparisons.
std::map<std::string, std::string> tree(const fs::path& dir);

/// One integer from a read-only query on the store (-1 when the store cannot be read yet).
long query_long(const fs::path& db, const std::string& sql);
/// The first column of every row of a read-only query.
std::multiset<std::string> query_set(const fs::path& db, const std::string& sql);
/// The result of `PRAGMA integrity_check` ("ok" for a sound database).
std::string integrity_check(const fs::path& db);

/// The common `hlsv generate` argument list: quiet progress, fixed jobs, store and out given.
std::vector<std::string> generate_args(const std::vector<std::string>& suites, const fs::path& db,
                                       const fs::path& out, const std::string& bugs);

} // namespace hlsv::pipeline::test
