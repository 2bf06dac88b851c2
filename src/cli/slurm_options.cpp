// `--slurm` for generate and eval: the command line of each array task is the user's own, rebuilt
// from what CLI11 parsed, so every option a command gains later is carried to the tasks unchanged.
#include "slurm_options.h"

#include <iostream>
#include <set>

namespace hlsv::cli {

namespace {

/// Options the plan sets per task or that belong to the submission itself.
const std::set<std::string> k_not_forwarded = {
    "slurm", "shards", "partition", "time",      "account",      "dry-run", "db",
    "out",   "shard",  "jobs",      "shard-dir", "merge-shards", "help"};

std::vector<std::string> forwarded_arguments(const CLI::App& app) {
    std::vector<std::string> positional, named;
    for (const CLI::Option* opt : app.get_options()) {
        if (opt->count() == 0) {
            continue;
        }
        if (!opt->nonpositional()) {
            positional.insert(positional.end(), opt->results().begin(), opt->results().end());
            continue;
        }
        const auto& lnames = opt->get_lnames();
        if (lnames.empty() || k_not_forwarded.count(lnames.front())) {
            continue;
        }
        std::string flag = "--" + lnames.front();
        if (opt->get_type_size_max() == 0) {
            for (std::size_t i = 0; i < opt->count(); ++i) {
                named.push_back(flag);
            }
            continue;
        }
        for (const auto& v : opt->results()) {
            named.push_back(flag);
            named.push_back(v);
        }
    }
    positional.insert(positional.end(), named.begin(), named.end());
    return positional;
}

} // namespace

std::shared_ptr<SlurmArgs> add_slurm_options(CLI::App& app) {
    auto a = std::make_shared<SlurmArgs>();
    const char* group = "Slurm (docs/scale.md)";
    app.add_flag("--slurm", a->slurm,
                 "Submit an array job (one shard per task) and a merge job after it")
        ->group(group);
    app.add_option("--shards", a->options.shards, "Array tasks (with --slurm)")
        ->capture_default_str()
        ->group(group);
    app.add_option("--partition", a->options.partition, "Slurm partition (with --slurm)")
        ->group(group);
    app.add_option("--time", a->options.time, "Time limit per task, HH:MM:SS (with --slurm)")
        ->group(group);
    app.add_option("--account", a->options.account, "Slurm account (with --slurm)")->group(group);
    app.add_flag("--dry-run", a->dry_run, "Print the batch scripts instead of submitting")
        ->group(group);
    return a;
}

bool run_on_slurm(const CLI::App& app, const SlurmArgs& a, int jobs, const SlurmPlanner& plan) {
    if (!a.slurm) {
        for (const char* name : {"--shards", "--partition", "--time", "--account", "--dry-run"}) {
            if (app.get_option_no_throw(name) && app.get_option_no_throw(name)->count() > 0) {
                throw InputError(std::string(name) + " only applies with --slurm");
            }
        }
        return false;
    }
    pipeline::SlurmOptions o = a.options;
    o.cpus_per_task = jobs > 0 ? jobs : 1;
    auto p = plan(forwarded_arguments(app), o);
    if (a.dry_run) {
        std::cout << "# " << (p.dir / "shards.sbatch").string() << "\n"
                  << p.array_script << "\n# " << (p.dir / "merge.sbatch").string()
                  << " (after the array: --dependency=afterok)\n"
                  << p.merge_script;
        return true;
    }
    auto sub = pipeline::submit_slurm(p);
    std::cout << "submitted array job " << sub.array_job << " (" << p.shards
              << " shards) and merge job " << sub.merge_job << "\n"
              << p.next << "\n";
    return true;
}

bool run_on_slurm(const CLI::App& app, const SlurmArgs& a, const std::string& command,
                  const fs::path& out, int jobs) {
    return run_on_slurm(app, a, jobs, [&](const auto& args, const auto& o) {
        return pipeline::plan_slurm(command, args, out, o);
    });
}

} // namespace hlsv::cli
