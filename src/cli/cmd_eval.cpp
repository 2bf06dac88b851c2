// hlsv eval DATASET [--backend ...] [--limit N] [--format json|text]
#include <nlohmann/json.hpp>

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
    app.add_option("--designs", a->designs, "Where the designs' testbenches are (DIR/<design>/hlsv.json)");
    app.add_option("--max-candidates", a->opts.debug.max_candidates, "Candidate fixes per sample")
        ->capture_default_str();
    app.add_option("--jobs,-j", a->opts.jobs, "Samples evaluated in parallel");
    app.add_option("--cassette", a->opts.debug.cassette, "Recorded responses (replay backend)");
    app.add_option("--base-url", a->opts.debug.base_url, "OpenAI-compatible endpoint");
    app.add_option("--model", a->opts.debug.model, "Model name");
    app.add_option("-o,--output", a->out, "Write the results to a file");
    app.add_flag("--no-save", a->no_save, "Do not record the results in DATASET/eval.json");
    add_format_option(app, &a->format, {"text", "json"});
    app.callback([a, &ctx] {
        a->opts.debug.config = ctx.config;
        for (const auto& d : a->designs) {
            a->opts.design_dirs.emplace_back(d);
        }
        auto res = assist::evaluate(a->dataset, a->opts);
        emit_output(a->out, a->format == "json" ? res.to_json().dump(2) : res.to_text());
        fs::path dir(a->dataset);
        if (!a->no_save && fs::is_directory(dir) && fs::exists(dir / "samples.jsonl")) {
            // One entry per backend, so the report can show backends side by side.
            nlohmann::ordered_json all = nlohmann::ordered_json::array();
            if (fs::exists(dir / "eval.json")) {
                auto old = nlohmann::ordered_json::parse(read_file(dir / "eval.json"), nullptr, false);
                if (old.is_array()) {
                    for (auto& e : old) {
                        if (e.value("backend", "") != res.backend) {
                            all.push_back(e);
                        }
                    }
                }
            }
            all.push_back(res.to_json());
            write_file_atomic(dir / "eval.json", all.dump(2) + "\n");
        }
    });
}

} // namespace hlsv::cli
