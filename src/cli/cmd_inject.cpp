// hlsv inject DESIGN --bug T[,T2] [--backend rules|openai|replay] [--seed N] [-o OUT]
#include "cli.h"
#include "csim/csim.h"
#include "inject/inject.h"
#include "rag/rag.h"

#include <cstdio>
#include <fmt/format.h>

namespace hlsv::cli {

void add_inject(CLI::App& app, Context& ctx) {
    struct Args {
        std::string design;
        std::string component;
        std::string bugs;
        std::string backend = "rules";
        std::uint64_t seed = 1;
        std::string out;
        std::string base_url, model, cassette, record, db;
        double timeout_s = 120;
    };
    auto args = std::make_shared<Args>();
    app.add_option("DESIGN", args->design,
                   "Design directory (hlsv.json or Vitis project) or source file")
        ->required();
    app.add_option("--component", args->component,
                   "Component of a Vitis project with several (default: the first)");
    app.add_option("--bug", args->bugs, "Bug type(s) to inject, e.g. OOB or OOB,INIT")->required();
    app.add_option("--backend", args->backend, "Injector: rules (built-in), openai, or replay")
        ->check(CLI::IsMember({"rules", "openai", "replay"}));
    app.add_option("--seed", args->seed,
                   "Seed for the choice among candidate sites (repeatable runs)");
    app.add_option("-o,--out", args->out, "Output directory (default: ./hlsv-out/<design>/)");
    app.add_option("--base-url", args->base_url,
                   "openai: endpoint base URL (default: hlsv.toml or environment)");
    app.add_option("--model", args->model,
                   "openai: model name (default: hlsv.toml or environment)");
    app.add_option("--cassette", args->cassette, "replay: recorded replies (JSONL) to answer from");
    app.add_option("--record", args->record,
                   "openai: append every reply to this cassette (JSONL) for later replay");
    app.add_option("--timeout,--llm-timeout", args->timeout_s, "openai: seconds per LLM request")
        ->capture_default_str();
    app.add_option("--db", args->db,
                   "openai: RAG store whose response cache answers a repeated request "
                   "(default: $HLSV_DB, hlsv.toml, .hlsv/rag.db)");
    app.callback([args, &ctx] {
        DesignSpec design = load_design(args->design, args->component);
        std::vector<std::string> types = BugCatalog::get().parse_list(args->bugs);
        fs::path src_path = inject::injected_source(design);
        std::string source = read_file(src_path);

        Injection inj;
        if (args->backend == "rules") {
            parse::Options po;
            po.top = design.top;
            po.include_dirs = ctx.config.include_dirs;
            po.include_dirs.push_back(design.dir.string());
            po.cflags = csim::absolute_cflags(design.cflags, design.dir);
            auto facts = parse::parse_file(src_path, po);
            inj = inject::inject_with_rules(facts, SourceText(source), types, args->seed,
                                            design.name);
        } else {
            inject::LlmChoice choice;
            auto& bc = choice.backend;
            bc.kind = args->backend;
            bc.base_url =
                !args->base_url.empty() ? args->base_url : ctx.config.base_url.value_or("");
            bc.model = !args->model.empty() ? args->model : ctx.config.model.value_or("");
            bc.cassette = args->cassette;
            bc.record = args->record;
            bc.timeout_s = args->timeout_s;
            if (bc.kind == "openai") {
                bc.cache = rag::StoreCache::open(rag::resolve_db_path(args->db, ctx.config));
            }
            inj = inject::inject_with_llm(choice, design, source, types, args->seed);
        }
        auto applied = inject::apply(source, inj, {}, src_path.filename().string());
        if (!applied.ok) {
            throw InternalError(fmt::format("{}: the injection does not apply: {}",
                                            src_path.string(), applied.error));
        }

        fs::path out =
            args->out.empty() ? fs::current_path() / "hlsv-out" / design.name : fs::path(args->out);
        std::string bug_name = "bug";
        for (const auto& t : inj.types()) {
            bug_name += "_" + t;
        }
        fs::path bug_file = out / (bug_name + ".txt");
        fs::path buggy_file = out / src_path.filename();
        // Both files or neither: a half-written pair would pass for a dataset entry.
        write_file_atomic(bug_file, injection_to_json(inj));
        try {
            write_file_atomic(buggy_file, applied.buggy);
        } catch (...) {
            std::error_code ec;
            fs::remove(bug_file, ec);
            throw;
        }
        emit_output("", applied.diff);
        for (const auto& w : applied.warnings) {
            log_warning(w);
        }
        for (const auto& s : inj.specs) {
            if (!s.explanation.empty()) {
                log_info(
                    fmt::format("{} at line {}: {}", s.type, s.line.value_or(0), s.explanation));
            }
        }
        log_info(fmt::format("wrote {} and {}", bug_file.string(), buggy_file.string()));
        ctx.exit = ExitCode::ok;
    });
}

} // namespace hlsv::cli
