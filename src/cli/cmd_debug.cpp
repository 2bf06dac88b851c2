// hlsv debug DESIGN_DIR [--backend rules|openai|replay] [--top N] [--format text|json|sarif]
//   [--max-candidates N] [--suspect LINE...] [--reference GOOD_DESIGN_DIR]
#include "assist/assist.h"
#include "cli.h"

namespace hlsv::cli {

void add_debug(CLI::App& app, Context& ctx) {
    struct Args {
        std::string design;
        std::string component;
        assist::DebugOptions opts;
        std::string format = "text";
        std::string out;
    };
    auto a = std::make_shared<Args>();
    app.add_option("DESIGN_DIR", a->design,
                   "Design directory (hlsv.json / Vitis project) or source file")
        ->required();
    app.add_option("--component", a->component,
                   "Component of a Vitis project with several (default: the first)");
    app.add_option("--backend", a->opts.backend, "Where suspects and fixes come from")
        ->check(CLI::IsMember({"rules", "openai", "replay"}))
        ->capture_default_str();
    app.add_option("--top", a->opts.top, "Suspects to report")->capture_default_str();
    app.add_option("--max-candidates", a->opts.max_candidates,
                   "Candidate fixes to simulate at most")
        ->capture_default_str();
    app.add_option("--suspect", a->opts.suspect_lines,
                   "Investigate this line even if the testbench passes");
    app.add_option("--timeout", a->opts.timeout_s,
                   "Seconds per simulation (default: the design's)");
    app.add_option("--base-url", a->opts.base_url, "OpenAI-compatible endpoint (openai backend)");
    app.add_option("--model", a->opts.model, "Model name (openai backend)");
    app.add_option("--cassette", a->opts.cassette, "Recorded responses (replay backend)");
    app.add_option("--record", a->opts.record,
                   "Append the openai replies to this cassette, for --backend replay later");
    app.add_option("--llm-timeout", a->opts.llm_timeout_s,
                   "Seconds per LLM request (--timeout is per simulation)")
        ->capture_default_str();
    app.add_option("--db", a->opts.db, "RAG store for similar known bugs and cached LLM replies");
    app.add_option("--reference", a->opts.reference,
                   "A version of the design whose outputs are the expected ones (for designs "
                   "that are not self-checking, e.g. an array dump); only its outputs are used");
    app.add_option("-o,--output", a->out, "Write the report to a file");
    add_format_option(app, &a->format, {"text", "json", "sarif"});
    app.callback([a, &ctx] {
        a->opts.config = ctx.config;
        if (a->opts.top < 1 || a->opts.max_candidates < 0) {
            throw InputError("--top must be >= 1 and --max-candidates >= 0");
        }
        DesignSpec design = load_design(a->design, a->component);
        auto rep = assist::debug(design, a->opts);
        std::string text = a->format == "json"    ? rep.to_json().dump(2)
                           : a->format == "sarif" ? assist::to_sarif(rep)
                                                  : rep.to_text();
        emit_output(a->out, text);
        bool failing = rep.verdict_before != "pass" && rep.verdict_before != "no-testbench";
        ctx.exit = (failing && !rep.fixed()) ? ExitCode::findings : ExitCode::ok;
    });
}

} // namespace hlsv::cli
