// `--slurm` and its options, shared by the commands that can run as a Slurm array job.
#pragma once

#include "cli.h"
#include "pipeline/pipeline.h"

#include <memory>

namespace hlsv::cli {

struct SlurmArgs {
    bool slurm = false;
    bool dry_run = false;
    pipeline::SlurmOptions options;
};

/// Adds --slurm, --shards, --partition, --time, --account and --dry-run to `app`.
std::shared_ptr<SlurmArgs> add_slurm_options(CLI::App& app);

/// When --slurm was given: plans (and unless --dry-run submits) `hlsv COMMAND` with the
/// arguments the user gave, minus the Slurm options and what each task sets itself (--db,
/// --out, --shard, --jobs). Returns false when --slurm was not given; throws InputError for a
/// Slurm option without --slurm.
bool run_on_slurm(const CLI::App& app, const SlurmArgs& args, const std::string& command,
                  const fs::path& out, int jobs);

} // namespace hlsv::cli
