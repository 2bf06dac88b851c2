// Private to the pipeline module: the pieces of a generation run.
#pragma once

#include "pipeline/pipeline.h"

#include <functional>
#include <mutex>
#include <optional>

namespace hlsv::pipeline::detail {

/// A design found in a suite, loaded and hashed.
struct DesignEntry {
    DesignSpec spec;
    std::string suite;
    fs::path source_file; ///< the file injections edit
    std::string source;   ///< its text
    std::string hash;     ///< content hash of every source and testbench file
};

struct Discovery {
    std::vector<DesignEntry> designs;
    std::vector<std::string> skipped; ///< "path: reason"
};

/// Finds designs under each suite directory: directories with hlsv.json or a Vitis project,
/// and lone .c/.cpp files (no testbench). Sorted by suite then name, so runs repeat.
Discovery discover(const std::vector<fs::path>& suites);

/// True when `entry` belongs to shard `index` of `count` (by design hash, so a design's
/// variants stay together and every machine agrees).
bool in_shard(const DesignEntry& entry, int index, int count);

/// An exclusive advisory lock on `<db>.lock`, held for a run's lifetime. Throws InputError when
/// another process holds it.
class StoreLock {
  public:
    explicit StoreLock(const fs::path& db);
    ~StoreLock();
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;

  private:
    int fd_ = -1;
};

/// The live progress line: \r-redrawn on a terminal, a plain line every few seconds otherwise.
class Progress {
  public:
    explicit Progress(long total, long already_done);
    /// `done` items finished, of which `verdicts` were attempts (not "no site") and `valid` valid.
    void add(long done, long valid, long verdicts);
    void finish();

  private:
    void draw(bool final);
    std::mutex mutex_;
    long total_, done_, valid_ = 0, fresh_ = 0, verdicts_ = 0;
    double start_;
    double last_draw_ = 0;
    bool tty_;
};

/// Monotonic seconds.
double now_seconds();

/// Run items with this design hash are bookkeeping (wall time per invocation), not work.
inline constexpr const char* k_meta_item = "#invocation";

/// Writes the dataset directory from the run's finished samples (each a JSON object as stored
/// in the run item's result): Chrysalis layout, samples.jsonl, sft.jsonl (train/validation by
/// design), attempts.jsonl and manifest.json. Every file is written atomically.
void export_dataset(const fs::path& out, const std::vector<nlohmann::json>& samples,
                    const nlohmann::json& manifest_extra, const nlohmann::json& run_info);

} // namespace hlsv::pipeline::detail
