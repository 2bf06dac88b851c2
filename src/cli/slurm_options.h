// `--slurm` and its options, shared by the commands that can run as a Slurm array job.
#pragma once

#include "cli.h"
#include "pipeline/pipeline.h"

#include <functional>
#include <memory>

namespace hlsv::cli {

struct SlurmArgs {
    bool slurm = false;
    bool dry_run = false;
    pipeline::SlurmOptions options;
};

/// Adds --slurm, --shards, --partition, --time, --account and --dry-run to `app`.
std::shared_ptr<SlurmArgs> add_slurm_options(CLI::App& app);

/// Builds the plan of a command from the arguments the user gave (minus the Slurm options and
/// what each task sets itself) and the Slurm options.
using SlurmPlanner = std::function<pipeline::SlurmPlan(const std::vector<std::string>& args,
                                                       const pipeline::SlurmOptions& options)>;

/// When --slurm was given: plans with `plan` (and unless --dry-run submits) the command with the
/// arguments the user gave, minus the Slurm options and what each task sets itself (--db,
/// --out, --shard, --shard-dir, --merge-shards, --jobs). Returns false when --slurm was not
/// given; throws InputError for a Slurm option without --slurm.
bool run_on_slurm(const CLI::App& app, const SlurmArgs& args, int jobs, const SlurmPlanner& plan);

/// The same for `hlsv generate`: the plan of pipeline::plan_slurm into `out`.
bool run_on_slurm(const CLI::App& app, const SlurmArgs& args, const std::string& command,
                  const fs::path& out, int jobs);

} // namespace hlsv::cli
