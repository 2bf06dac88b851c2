// hlsv eval DATASET [--backend ...] [--limit N] [--format json|text]
//   [--shard I/N | --merge-shards N] [--shard-dir DIR]
//   [--slurm [--shards N] [--partition P] [--time HH:MM:SS] [--account A] [--dry-run]]
#include "assist/assist.h"
#include "cli.h"
#include "pipeline/pipeline.h"
#include "slurm_options.h"

#include <iostream>

namespace hlsv::cli {

namespace {

void parse_shard(const std::string& spec, int& index, int& count) {
    auto slash = spec.find('/');
    try {
        if (slash == std::string::npos) {
            throw std::invalid_argument("no slash");
        }
        std::size_t a = 0, b = 0;
        index = std::stoi(spec.substr(0, slash), &a);
        count = std::stoi(spec.substr(slash + 1), &b);
        if (a != slash || b != spec.size() - slash - 1) {
            throw std::invalid_argument("trailing text");
        }
    } catch (const std::exception&) {
        throw InputError("--shard must look like I/N, got '" + spec + "'");
    }
    if (count < 1 || index < 0 || index >= count) {
        throw InputError("--shard must be I/N with 0 <= I < N, got '" + spec + "'");
    }
}

} // namespace

void add_eval(CLI::App& app, Context& ctx) {
    struct Args {
        std::string dataset;
        assist::EvalOptions opts;
        std::vector<std::string> designs;
        std::string format = "text";
        std::string out;
        std::string shard, shard_dir;
        int merge_shards = 0;
        bool no_save = false;
    };
    auto a = std::make_shared<Args>();
    app.add_option("DATASET", a->dataset, "Dataset directory (samples.jsonl or Chrysalis layout)")
        ->required();
    app.add_option("--backend", a->opts.debug.backend, "Debugging backend to score")
        ->check(CLI::IsMember({"rules", "openai", "replay"}))
        ->capture_default_str();
    app.add_option("--limit", a->opts.limit, "Evaluate at most N samples");
    app.add_option("--designs", a->designs,
                   "Where the designs' testbenches are (DIR/<design>/hlsv.json)");
    app.add_option("--max-candidates", a->opts.debug.max_candidates, "Candidate fixes per sample")
        ->capture_default_str();
    app.add_option("--jobs,-j", a->opts.jobs, "Samples evaluated in parallel");
    app.add_option("--cassette", a->opts.debug.cassette, "Recorded responses (replay backend)");
    app.add_option("--record", a->opts.debug.record,
                   "Record the openai replies to a cassette, for --backend replay later");
    app.add_option("--timeout,--llm-timeout", a->opts.debug.llm_timeout_s,
                   "Seconds per LLM request")
        ->capture_default_str();
    app.add_option("--db", a->opts.debug.db,
                   "RAG store for similar known bugs and cached LLM replies");
    app.add_option("--base-url", a->opts.debug.base_url, "OpenAI-compatible endpoint");
    app.add_option("--model", a->opts.debug.model, "Model name");
    app.add_option("-o,--output", a->out, "Write the results to a file");
    app.add_flag("--no-save", a->no_save,
                 "Do not record the results in DATASET/eval.json (one entry per backend and "
                 "model; an LLM backend's text output adds a gain table over the rules entry "
                 "on the same samples)");
    add_format_option(app, &a->format, {"text", "json"});
    app.add_option("--shard", a->shard,
                   "Evaluate only the samples whose index (in dataset order, after --limit) is I "
                   "modulo N; write their scores to SHARD_DIR/shard-I-of-N.json, not eval.json")
        ->type_name("I/N");
    app.add_option("--shard-dir", a->shard_dir,
                   "Where shard files go (default: DATASET/eval-shards/<backend>[-<model>])")
        ->type_name("DIR");
    app.add_option("--merge-shards", a->merge_shards,
                   "Combine the N shard files of SHARD_DIR into the unsharded result, then save "
                   "and print it as an unsharded run does; a missing or broken shard: exit 2, "
                   "nothing written")
        ->type_name("N");
    auto slurm = add_slurm_options(app);
    app.callback([a, slurm, &app, &ctx] {
        a->opts.debug.config = ctx.config;
        for (const auto& d : a->designs) {
            a->opts.design_dirs.emplace_back(d);
        }
        bool sharded = !a->shard.empty(), merging = app.count("--merge-shards") > 0;
        if (sharded && merging) {
            throw InputError("--shard and --merge-shards do not go together");
        }
        if ((sharded || merging) && slurm->slurm) {
            throw InputError("--slurm sets --shard and --merge-shards itself; give neither");
        }
        if (sharded) {
            parse_shard(a->shard, a->opts.shard_index, a->opts.shard_count);
        }
        fs::path dir(a->dataset);
        fs::path shard_dir = a->shard_dir.empty() ? assist::default_eval_shard_dir(dir, a->opts)
                                                  : fs::path(a->shard_dir);
        if (slurm->slurm && !fs::exists(dir)) {
            throw InputError(dir, "no such dataset");
        }
        bool save = !a->no_save && fs::is_directory(dir) && fs::exists(dir / "samples.jsonl");
        // Read the earlier results first: a bad eval.json is refused before hours of work (or
        // before a cluster run is submitted).
        auto others = fs::is_directory(dir) && !sharded ? assist::load_evals(dir)
                                                        : std::vector<assist::EvalResult>{};
        if (run_on_slurm(app, *slurm, a->opts.jobs,
                         [&](const std::vector<std::string>& args, const auto& o) {
                             return pipeline::plan_slurm_eval(args, shard_dir, o);
                         })) {
            return;
        }
        if (sharded) {
            auto part = assist::evaluate_shard(dir, a->opts);
            fs::path file = assist::save_eval_shard(shard_dir, part);
            std::cout << "eval shard " << part.index << "/" << part.count << ": "
                      << part.result.per_sample.size() << " of " << part.samples_total
                      << " samples written to " << file.string() << "\n";
            return;
        }
        auto res = merging ? assist::merge_eval_shards(shard_dir, a->merge_shards,
                                                       assist::eval_label(a->opts))
                           : assist::evaluate(a->dataset, a->opts);
        if (save) {
            others = assist::save_eval(dir, res); // one entry per backend and model
        }
        if (a->format == "json") {
            emit_output(a->out, res.to_json().dump(2));
            return;
        }
        std::string text = res.to_text();
        if (auto base = assist::rules_baseline(res, others)) {
            text += "\n" + assist::compare_text(*base, res);
        }
        emit_output(a->out, text);
    });
}

} // namespace hlsv::cli
