// hlsv eval DATASET [--backend ...] [--limit N] [--format json|text]
#include "assist/assist.h"
#include "cli.h"

namespace hlsv::cli {

void add_eval(CLI::App& app, Context& ctx) {
    struct Args {
        std::string dataset;
        assist::EvalOptions opts;
        std::vector<std::string> designs;
        std::string format = "text";
        std::string out;
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
        ->check(CLI::PositiveNumber)
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
    app.callback([a, &ctx] {
        a->opts.debug.config = ctx.config;
        for (const auto& d : a->designs) {
            a->opts.design_dirs.emplace_back(d);
        }
        fs::path dir(a->dataset);
        bool save = !a->no_save && fs::is_directory(dir) && fs::exists(dir / "samples.jsonl");
        // Read the earlier results first: a bad eval.json is refused before hours of work.
        auto others =
            fs::is_directory(dir) ? assist::load_evals(dir) : std::vector<assist::EvalResult>{};
        auto res = assist::evaluate(a->dataset, a->opts);
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
