// hlsv generate SUITE_DIR... [--out DIR] [--bugs all|T,T2,...] [--combos N] [--per-type K]
//   [--backend rules|openai|replay] [--jobs N] [--db PATH] [--shard I/N]
//   [--slurm [--shards N] [--partition P] [--time HH:MM:SS] [--account A] [--dry-run]]
#include "cli.h"
#include "pipeline/pipeline.h"
#include "slurm_options.h"

#include <csignal>
#include <iostream>

namespace hlsv::cli {

namespace {
extern "C" void on_sigint(int) {
    // Async-signal-safe: only an atomic store. Workers notice, record in-flight work, stop.
    pipeline::stop_requested() = true;
}
} // namespace

void add_generate(CLI::App& app, Context& ctx) {
    struct Args {
        pipeline::GenerateOptions opts;
        std::vector<std::string> suites;
        std::string bugs = "all";
        std::string shard = "0/1";
        std::string out = "dataset";
        std::string cassette, record;
        bool no_feedback = false;
    };
    auto a = std::make_shared<Args>();
    app.add_option("SUITE_DIR", a->suites, "Suite directories (folders of designs) or design dirs")
        ->required();
    app.add_option("--out", a->out, "Export directory")->capture_default_str();
    app.add_option("--bugs", a->bugs, "Bug types: all, functional, pragma, or T,T2,...")
        ->capture_default_str();
    app.add_option("--combos", a->opts.combos, "Extra two-type combinations per design")
        ->capture_default_str();
    app.add_option("--per-type", a->opts.per_type, "Attempts per design and combination")
        ->capture_default_str();
    app.add_option("--backend", a->opts.backend, "Injector backend")
        ->check(CLI::IsMember({"rules", "openai", "replay"}))
        ->capture_default_str();
    app.add_option("--strategy", a->opts.strategy, "Prompt strategy for LLM backends")
        ->check(CLI::IsMember({"auto", "icl-rag-cot", "rag-icl"}))
        ->capture_default_str();
    app.add_option("--jobs,-j", a->opts.jobs, "Parallel designs/simulations (0: all cores)");
    app.add_option("--max-inflight", a->opts.max_inflight, "LLM requests in flight")
        ->capture_default_str();
    app.add_option("--db", a->opts.db, "RAG store (default: $HLSV_DB, hlsv.toml, .hlsv/rag.db)");
    app.add_option("--shard", a->shard, "Run shard I of N (I/N, 0-based)")->capture_default_str();
    app.add_option("--seed", a->opts.seed, "Seed for site choice and sampling")
        ->capture_default_str();
    app.add_option("--k", a->opts.k, "Retrieved examples per prompt")->capture_default_str();
    app.add_option("--repair-rounds", a->opts.repair_rounds,
                   "Retries with the failed check fed back")
        ->capture_default_str();
    app.add_option("--base-url", a->opts.base_url, "OpenAI-compatible endpoint (openai backend)");
    app.add_option("--model", a->opts.model, "Model name (openai backend)");
    app.add_option("--cassette", a->cassette, "Recorded responses (replay backend)");
    app.add_option("--record", a->record, "Record responses to a cassette (openai backend)");
    app.add_option("--timeout,--llm-timeout", a->opts.llm_timeout_s,
                   "Seconds per LLM request; a request that times out stays pending for the "
                   "next run")
        ->capture_default_str();
    app.add_flag("--no-feedback", a->no_feedback, "Do not add valid samples to the RAG examples");
    auto slurm = add_slurm_options(app);
    app.callback([a, slurm, &app, &ctx] {
        if (run_on_slurm(app, *slurm, "generate", a->out, a->opts.jobs)) {
            return;
        }
        auto& o = a->opts;
        o.config = ctx.config;
        for (const auto& s : a->suites) {
            o.suites.emplace_back(s);
        }
        o.out = a->out;
        o.feedback = !a->no_feedback;
        o.cassette = a->cassette;
        o.record = a->record;
        if (o.jobs == 0 && ctx.config.jobs) {
            o.jobs = *ctx.config.jobs;
        }
        if (o.base_url.empty() && ctx.config.base_url) {
            o.base_url = *ctx.config.base_url;
        }
        if (o.model.empty() && ctx.config.model) {
            o.model = *ctx.config.model;
        }
        o.bugs = BugCatalog::get().parse_list(a->bugs);
        if (a->bugs == "all") {
            o.bugs.clear(); // all that the backend supports
        }
        auto slash = a->shard.find('/');
        try {
            if (slash == std::string::npos) {
                throw std::invalid_argument("no slash");
            }
            o.shard_index = std::stoi(a->shard.substr(0, slash));
            o.shard_count = std::stoi(a->shard.substr(slash + 1));
        } catch (const std::exception&) {
            throw InputError("--shard must look like I/N, got '" + a->shard + "'");
        }
        std::signal(SIGINT, on_sigint);
        std::signal(SIGTERM, on_sigint);
        auto sum = pipeline::generate(o);
        if (sum.items == 0 && !sum.skipped_designs.empty()) {
            // Nothing ran: an empty dataset with exit 0 would pass a script's check unnoticed.
            throw InputError("every design was skipped (" +
                             std::to_string(sum.skipped_designs.size()) +
                             "), nothing generated; e.g. " + sum.skipped_designs.front());
        }
        if (verbosity() != Verbosity::quiet) {
            std::cerr << pipeline::summary_table(sum);
            for (const auto& s : sum.skipped_designs) {
                log_warning("skipped design: " + s);
            }
        }
        std::cout << "dataset written to " << sum.out.string() << " (" << sum.items << " items, "
                  << sum.skipped_done << " already done before this run)\n";
        if (sum.pending_endpoint > 0) {
            std::cout << "pending: " << sum.pending_endpoint
                      << ", endpoint errors (run the same command again to retry them; e.g. "
                      << sum.first_endpoint_error << ")\n";
        }
        if (sum.pending_endpoint > 0 && !sum.interrupted) {
            throw Error(ExitCode::findings,
                        std::to_string(sum.pending_endpoint) +
                            " items pending after endpoint errors; run the same command again");
        }
        if (sum.interrupted) {
            throw Error(ExitCode::findings, "interrupted: finished work is recorded; run the "
                                            "same command again to resume");
        }
    });
}

} // namespace hlsv::cli
