// hlsv csim: C simulation of a design's testbench against the golden sources or against
// variants (replacement source files), in a sandbox, with a verdict per run. The hot loop of
// dataset generation: testbench objects are cached, variants of one source are compiled
// together in one translation unit ("mutant schemata"), golden outputs are cached, and
// variants whose object code equals the golden's are reported `equivalent` without running.
#pragma once

#include "core/core.h"

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hlsv::csim {

enum class Verdict {
    pass,          ///< exit 0 and outputs equal to the golden's
    fail,          ///< non-zero exit status (or killed for writing too much output)
    mismatch,      ///< exit 0 but stdout / stderr / output files differ from the golden's
    timeout,       ///< wall-clock or CPU limit hit
    crash,         ///< killed by a signal (or by the process-count guard)
    sanitizer,     ///< an ASan/UBSan report
    compile_error, ///< the variant (or testbench) does not compile or link
    equivalent,    ///< object code identical to the golden's: not simulated
};

/// "pass", "fail", ... (the JSON spelling).
std::string_view verdict_name(Verdict v);

/// The walls a run actually got (the kernel may refuse some; see docs/security.md).
struct IsolationReport {
    bool pid_namespace = false;  ///< own pid namespace: the whole tree dies with its first process
    bool network = false;        ///< own network namespace: no interfaces up, no loopback peers
    bool readonly_fs = false;    ///< every mount read-only except the run directory
    bool private_tmp = false;    ///< a fresh tmpfs on /tmp and /dev/shm
    bool user_namespace = false; ///< namespaces made through a user namespace (not root)
    bool dropped_privileges = false;  ///< ran as nobody (hlsv runs as root)
    bool parent_death_signal = false; ///< SIGKILL when hlsv dies (PR_SET_PDEATHSIG)
    std::string note; ///< what was refused, and why ("" when everything was obtained)
};

/// What a verdict rests on: the observations compared, and whether that is only an exit code.
struct Oracle {
    bool exit = true;         ///< the exit status
    bool stdout_text = false; ///< stdout compared (with the golden or a reference file)
    bool stderr_text = false;
    std::vector<std::string> files; ///< output files compared
    bool reference = false;         ///< hlsv.json "expect" reference outputs were checked
    bool self_check = false; ///< the testbench can exit non-zero by itself (returns, exit, assert)
    /// Nothing but an exit status that the testbench never sets on its own: `pass` only says
    /// that the program ran to its end.
    bool weak() const { return !stdout_text && !stderr_text && files.empty() && !self_check; }
};

struct Result {
    Verdict verdict = Verdict::pass;
    std::string detail;      ///< one line: first diagnostic, first differing line, signal name
    int exit_code = -1;      ///< -1 when not run or killed
    int signal = 0;          ///< terminating signal, 0 if none
    double seconds = 0;      ///< wall time of the simulation run (not the build)
    std::string stdout_text; ///< capped
    std::string stderr_text; ///< capped
    /// Index (into the variants passed to run_variants) of an earlier variant with the same
    /// object code; its verdict was copied.
    std::optional<std::size_t> duplicate_of;
    bool batched = false;      ///< built in a multi-variant translation unit
    bool cached = false;       ///< golden result served from the cache
    Oracle observed;           ///< what the verdict compared
    IsolationReport isolation; ///< the sandbox the run got (none when not run)
};

/// Replacement files: source file name (as in the design dir, e.g. "fir.cpp" or "fir.h") to
/// the replacement text.
struct Variant {
    std::map<std::string, std::string> files;
};

struct Options {
    double timeout_s = 0;    ///< 0: the design's timeout_s
    bool sanitize = false;   ///< build with ASan + UBSan (no address-space limit then)
    int jobs = 0;            ///< parallel runs and batch builds; 0: number of cores
    std::string hls_include; ///< "" : $HLSV_HLS_INCLUDE, else data_dir()/harness/include
    fs::path cache_dir;      ///< "" : $XDG_CACHE_HOME/hlsv/csim or ~/.cache/hlsv/csim
    bool batch = true;       ///< mutant schemata for C++ designs
    bool keep = false;       ///< keep build/run directories (for debugging hlsv)
    std::vector<std::string> extra_cflags;
    std::map<std::string, std::string> env;  ///< added to the sandbox environment
    std::size_t output_cap = 4u << 20;       ///< bytes captured per stream
    int max_processes = 64;                  ///< process-group size that counts as a fork bomb
    std::uint64_t memory_limit = 2ull << 30; ///< RLIMIT_AS for non-sanitizer runs
    bool use_cache = true; ///< false (--no-cache): compile and run afresh, store nothing
    /// Run simulations in namespaces (no network, read-only file system but the run directory,
    /// private /tmp) when the kernel allows; false: process group and rlimits only.
    bool isolate = true;
};

/// Per-line execution counts of the design sources: file name -> line -> count.
using LineCounts = std::map<std::string, std::map<int, long>>;

struct CoverageRun {
    Result result;
    LineCounts counts;
};

/// Thread-safe. The golden result of each design is computed once per content hash (also
/// across processes, via the cache dir).
class Simulator {
  public:
    explicit Simulator(Options opts = {});
    ~Simulator();
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    /// Builds and runs the golden design. `pass` when the testbench exits 0.
    Result run_golden(const DesignSpec& design);

    /// Runs each variant and compares with the golden. Throws InputError when the design has
    /// no testbench, when a variant names a file that is not in the design, or when the golden
    /// does not pass (variants mean nothing then).
    std::vector<Result> run_variants(const DesignSpec& design,
                                     const std::vector<Variant>& variants);

    /// Builds and runs each variant like run_variants (batches, cached objects, parallel runs)
    /// but with no golden reference: `pass` when the testbench exits 0, else fail / timeout /
    /// crash / sanitizer / compile_error (never mismatch or equivalent). For designs whose own
    /// version fails (the debugging assistant judging candidate fixes by the design's
    /// self-checking testbench); the design's files need not pass or even compile, as long as
    /// a variant replaces those that do not. Throws InputError like run_variants for a missing
    /// testbench or unknown file names.
    std::vector<Result> run_standalone(const DesignSpec& design,
                                       const std::vector<Variant>& variants);

    /// Builds `variant` (empty: golden) with --coverage at -O0, runs it with `env` added (e.g.
    /// HLSV_CASE=3), and returns the verdict against the golden plus per-line counts of the
    /// design sources.
    CoverageRun run_coverage(const DesignSpec& design, const Variant& variant,
                             const std::map<std::string, std::string>& env = {});

    /// Builds `variant` once like run_coverage and runs the build once per entry of `envs`
    /// (e.g. one per HLSV_CASE), in parallel, each run with its own execution counters: one
    /// CoverageRun per entry, in order. A build failure gives compile_error for every entry.
    std::vector<CoverageRun>
    run_coverage_cases(const DesignSpec& design, const Variant& variant,
                       const std::vector<std::map<std::string, std::string>>& envs);

    const Options& options() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// `{"verdict", "detail", "exit_code", "signal", "seconds", ..., "observed", "weak_oracle",
/// "isolation"}`.
nlohmann::ordered_json to_json(const Result& r);
nlohmann::ordered_json to_json(const IsolationReport& iso);
nlohmann::ordered_json to_json(const Oracle& o);

/// What the simulation cache holds (`hlsv cache info`).
struct CacheInfo {
    fs::path dir;
    std::uintmax_t bytes = 0;
    std::size_t objects = 0, manifests = 0, goldens = 0, pch = 0, other = 0;
};
/// Sizes the cache at `dir` ("" : the default cache directory).
CacheInfo cache_info(const fs::path& dir = {});
/// Removes everything in the cache at `dir` ("" : default); returns the bytes freed.
std::uintmax_t clear_cache(const fs::path& dir = {});
/// The default cache directory: $HLSV_CACHE_DIR, else $XDG_CACHE_HOME/hlsv/csim, else
/// ~/.cache/hlsv/csim.
fs::path default_cache_directory();

/// `cflags` with relative paths of -I, -iquote, -isystem, -idirafter, -include, -imacros and
/// -L made absolute against the design directory (they are documented as relative to it; the
/// compiler runs from each source's own folder). Also what a parse of the design needs.
std::vector<std::string> absolute_cflags(const std::vector<std::string>& cflags,
                                         const fs::path& design_dir);

/// The `-I` directories of a design's cflags, absolute (relative ones are against its dir).
std::vector<std::string> include_dirs_of(const DesignSpec& design);

/// Exit code for the CLI: 0 for pass/equivalent, 1 otherwise.
inline bool is_success(Verdict v) {
    return v == Verdict::pass || v == Verdict::equivalent;
}

} // namespace hlsv::csim
