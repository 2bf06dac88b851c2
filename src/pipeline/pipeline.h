// hlsv pipeline: dataset generation runs (`hlsv generate`), their exports (Chrysalis layout,
// samples.jsonl, sft.jsonl, manifest), the HTML report (`hlsv report`) and store merging
// (`hlsv merge`). A run's state lives in the RAG store: each work item (design, bug combination,
// attempt) is recorded with its sample when done, so a killed run resumes without duplicates.
#pragma once

#include "core/core.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hlsv::pipeline {

struct GenerateOptions {
    std::vector<fs::path> suites;  ///< suite directories (or single design dirs)
    fs::path out = "dataset";      ///< export directory
    std::vector<std::string> bugs; ///< bug types; empty = all the backend supports
    int combos = 0;                ///< extra two-type combinations per design
    int per_type = 1;              ///< attempts per design x combination
    std::string backend = "rules"; ///< rules | openai | replay
    std::string strategy = "auto"; ///< auto | icl-rag-cot | rag-icl (LLM backends)
    int jobs = 0;                  ///< parallel designs / simulations; 0 = cores
    int max_inflight = 8;          ///< LLM requests in flight
    double llm_timeout_s = 120;    ///< per LLM request (`--timeout`)
    std::string db;                ///< store path ("" = default resolution)
    int shard_index = 0;           ///< this machine's shard, 0-based
    int shard_count = 1;
    bool feedback = true; ///< valid samples join the RAG examples
    std::uint64_t seed = 1;
    int k = 4; ///< retrieved examples per prompt
    int repair_rounds = 1;
    // LLM endpoint (openai) or cassette (replay); the key comes from the environment only.
    std::string base_url, model;
    fs::path cassette, record;
    Config config;
};

/// Counts per bug type (or per strategy/backend) for the final table and the manifest.
struct Tally {
    long attempts = 0, valid = 0, silent = 0, invalid = 0;
    std::map<std::string, long> invalid_by_reason;
};

struct RunSummary {
    std::int64_t run_id = 0;
    long items = 0, skipped_done = 0; ///< work items, of which already done (resume)
    std::map<std::string, Tally> by_type;
    std::map<std::string, Tally> by_strategy;    ///< "backend/strategy"
    std::vector<std::string> skipped_designs;    ///< "name: reason"
    std::map<std::string, double> stage_seconds; ///< parse, prompt, llm, validate, record
    double wall_seconds = 0;
    bool interrupted = false;
    fs::path out;
    /// Items left pending because the endpoint failed (timeout, network, HTTP after retries):
    /// the next run of the same command retries them.
    long pending_endpoint = 0;
    std::string first_endpoint_error; ///< one example message for the summary line
};

/// Set by the CLI's SIGINT handler: workers finish and record in-flight work, then stop.
std::atomic<bool>& stop_requested();

/// Runs (or resumes) a generation run and exports its dataset into `opts.out`.
/// Throws InputError for bad options or when another run holds the store.
RunSummary generate(const GenerateOptions& opts);

/// The per-type table printed at the end of a run.
std::string summary_table(const RunSummary& s);

/// Re-exports the valid samples of a dataset directory's run from the store (used by generate).
/// `hlsv report`: renders a self-contained HTML report of a dataset directory.
std::string render_report(const fs::path& dataset_dir);

/// `hlsv merge OUT STORE...`: copies the examples (through the Chrysalis layout) and the
/// generation runs with their items from each store into OUT's store, a shard's run becoming
/// the unsharded run of the same command. Idempotent and order-independent. Returns the number
/// of examples added.
/// A store whose generation run is unfinished (still marked running, or items not done) is
/// refused with InputError before anything is written, unless `allow_partial`.
struct MergeOptions {
    bool allow_partial = false;
};
long merge_stores(const fs::path& out_db, const std::vector<fs::path>& inputs,
                  const MergeOptions& opts = {});

// ---------------------------------------------------------------------------------------------
// Slurm: `--slurm` on generate and eval (docs/scale.md)
// ---------------------------------------------------------------------------------------------

struct SlurmOptions {
    int shards = 4;
    int cpus_per_task = 1;                ///< also the task's --jobs
    std::string partition, time, account; ///< empty: the cluster's defaults
};

/// The two batch scripts of a cluster run, not yet written.
struct SlurmPlan {
    fs::path out;       ///< absolute export directory (generate) or dataset (eval)
    fs::path dir;       ///< scripts, logs/, plan.json
    fs::path shard_dir; ///< where the tasks write their shards; made before submission
    int shards = 0;
    std::string array_script; ///< one array task per shard: `hlsv COMMAND ARGS --shard i/N`
    std::string merge_script; ///< afterok: combines the shards, then the unsharded result
    std::string next;         ///< what to tell the user once submitted ("progress: ...")
};

struct SlurmSubmission {
    std::string array_job, merge_job;
};

/// Builds the scripts for `hlsv generate ARGS` (ARGS without --db/--out/--shard/--jobs, which
/// the plan supplies per task). Throws InputError for bad options.
SlurmPlan plan_slurm(const std::string& command, const std::vector<std::string>& args,
                     const fs::path& out, const SlurmOptions& options);

/// Builds the scripts for `hlsv eval ARGS` (ARGS without --shard/--shard-dir/--merge-shards/
/// --jobs): task i runs `--shard i/N --shard-dir SHARD_DIR`, the job after the array runs
/// `--merge-shards N --shard-dir SHARD_DIR`. Scripts and logs go to SHARD_DIR/slurm.
SlurmPlan plan_slurm_eval(const std::vector<std::string>& args, const fs::path& shard_dir,
                          const SlurmOptions& options);

/// Writes the scripts under plan.dir and submits them with `sbatch` (the array, then the merge
/// with --dependency=afterok); records the job ids in plan.dir/plan.json.
SlurmSubmission submit_slurm(const SlurmPlan& plan, const std::string& sbatch = "sbatch");

/// `hlsv status OUT_DIR`: per shard of a (Slurm or --shard) run under OUT_DIR/shards, the items
/// done, pending and failed and the rate so far; readable while the shards run.
struct ShardStatus {
    std::string name; ///< "shard-0"
    long done = 0, valid = 0, pending = 0, failed = 0;
    double wall_seconds = 0; ///< recorded by finished invocations of the shard
    bool present = false;    ///< the shard's store exists yet
};
std::vector<ShardStatus> shard_status(const fs::path& out_dir);
std::string status_table(const std::vector<ShardStatus>& shards);

} // namespace hlsv::pipeline
