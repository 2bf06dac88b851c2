// The Simulator's private state and steps, shared by simulator.cpp and coverage.cpp.
#pragma once

#include "build.h"
#include "compare.h"
#include "csim.h"
#include "sandbox.h"
#include "schemata.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace hlsv::csim {

/// The testbench files that are not also listed as sources (those link once, as sources).
std::vector<fs::path> testbench_only(const DesignSpec& d);

/// What a verdict on `d` rests on; `golden` (its observed outputs) tells whether stdout is
/// non-empty, nullptr when there is no golden to compare with.
Oracle oracle_of(const DesignSpec& d, const Observed* golden);

/// Runs fn(0..n-1) on up to `jobs` threads; rethrows the first exception after all finish.
void parallel_for(std::size_t n, int jobs, const std::function<void(std::size_t)>& fn);

struct GoldenRecord {
    Result result;
    Observed obs;
};

/// One sandboxed run of a built simulator.
struct Run {
    Outcome outcome;
    std::map<std::string, std::optional<std::string>> files;
};

/// One variant built on its own.
struct Single {
    BuildStep step;
    fs::path exe;
    bool equivalent = false;
    std::string digest; ///< of the replaced objects ("" when not comparable)
};

struct Simulator::Impl {
    explicit Impl(Options o);

    Options opts;
    fs::path cache_dir;
    int jobs = 1;
    std::mutex mu;
    std::map<std::string, std::shared_ptr<const GoldenRecord>> goldens;
    std::map<std::string, std::shared_ptr<std::mutex>> golden_locks;

    double timeout_for(const DesignSpec& d) const;
    void require_testbench(const DesignSpec& d) const;
    std::string golden_key(const DesignSpec& d, const Toolchain& tc,
                           const std::vector<std::string>& object_keys) const;
    /// The golden record; `*hit` set when it came from this process's memory.
    std::shared_ptr<const GoldenRecord> golden(const DesignSpec& d, bool* hit = nullptr);
    Run run_exe(const DesignSpec& d, const fs::path& exe,
                const std::map<std::string, std::string>& extra_env, const fs::path& gcov_dir);
    Result judge(const DesignSpec& d, const Run& run, const GoldenRecord* golden) const;
    BuildStep link(const Toolchain& tc, const std::vector<fs::path>& objs, const fs::path& exe,
                   const fs::path& cwd) const;
    /// Objects of the testbench files that are not also sources; `keys` gets their cache keys.
    std::optional<std::vector<fs::path>>
    testbench_objects(const DesignSpec& d, const Toolchain& tc, BuildStep& step,
                      std::vector<std::string>* keys = nullptr) const;
    /// `standalone`: no golden (see Simulator::run_standalone).
    std::vector<Result> run_variants(const DesignSpec& d, const std::vector<Variant>& variants,
                                     bool standalone);
    /// Builds one batch unit; on failure returns the slots named in the diagnostics (empty
    /// when none can be blamed) and `false`.
    bool build_batch(
        std::set<std::size_t>& bad_slots, const DesignSpec& d, const Toolchain& tc,
        const std::string& source, const std::vector<std::string>& versions,
        const std::vector<ExportedFunction>& exports, const fs::path& dir,
        const std::map<std::string, fs::path>& golden_objs, const std::vector<fs::path>& tb_objs,
        const std::function<void(std::size_t, const std::string&, bool, const fs::path&)>& done)
        const;
    Single build_single(const DesignSpec& d, const Toolchain& tc, const Variant& v,
                        const fs::path& dir, const std::map<std::string, fs::path>& golden_objs,
                        const std::vector<fs::path>& tb_objs) const;
};

} // namespace hlsv::csim
