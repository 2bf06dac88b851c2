// hlsv prompt DESIGN --bug T[,T2] [--strategy auto|icl-rag-cot|rag-icl] [--k N] [--format ...]
//   [--send [--backend openai|replay] [--base-url URL] [--model M] [--cassette F] [--record F]
//    [--repair-rounds N] [--temperature T] [--seed S] [--attempt A]]
// Prints the exact messages an injection request would send; with --send, sends them and
// prints the injection the model returned (after automatic checks and repair rounds).
#include "cli.h"
#include "inject/inject.h"
#include "llm/llm.h"
#include "prompt/prompt.h"
#include "rag/rag.h"

#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>

namespace hlsv::cli {

namespace {

struct PromptArgs {
    std::string design;
    std::string bugs;
    std::string strategy = "auto";
    int k = 4;
    std::string db;
    bool no_rag = false;
    std::string format = "text";
    bool send = false;
    std::string backend = "openai";
    std::string base_url, model, cassette, record;
    int repair_rounds = 1;
    double temperature = 0.7;
    int seed = 0;
    int attempt = 0;
    double timeout_s = 120;
};

/// Opens the store when it exists (or when --send needs the cache); nullopt means no examples.
std::optional<rag::Store> open_store(const PromptArgs& a, const Config& config) {
    if (a.no_rag) {
        return std::nullopt;
    }
    fs::path path = rag::resolve_db_path(a.db, config);
    std::error_code ec;
    if (!fs::exists(path, ec) && !a.send) {
        log_warning("no RAG store at " + path.string() +
                    ": the prompt has zero retrieved examples (run `hlsv rag import` first)");
        return std::nullopt;
    }
    rag::StoreOptions opts;
    opts.read_only = !a.send;
    return rag::Store::open(path, opts);
}

prompt::Strategy pick(const PromptArgs& a, rag::Store* store, const std::string& type) {
    if (auto s = prompt::parse_strategy(a.strategy)) {
        return *s;
    }
    std::map<prompt::Strategy, prompt::StrategyStats> stats;
    if (store) {
        for (const auto& row : store->strategy_stats(type)) {
            for (auto s : prompt::all_strategies()) {
                if (prompt::to_string(s) == row.strategy) {
                    stats[s] = {static_cast<int>(row.attempts), static_cast<int>(row.valid)};
                }
            }
        }
    }
    return prompt::pick_strategy(stats);
}

/// Sends the conversation, extracts and checks the injection, and repairs up to N rounds.
void send(const PromptArgs& a, Context& ctx, rag::Store* store, const std::string& source,
          const std::vector<std::string>& types, std::vector<llm::Message> messages) {
    std::mutex store_mutex;
    std::shared_ptr<rag::StoreCache> cache;
    if (store) {
        cache = std::make_shared<rag::StoreCache>(*store, store_mutex);
    }
    llm::BackendConfig bc;
    bc.kind = a.backend;
    bc.base_url = !a.base_url.empty() ? a.base_url : ctx.config.base_url.value_or("");
    bc.model = !a.model.empty() ? a.model : ctx.config.model.value_or("");
    bc.cassette = a.cassette;
    bc.record = a.record;
    bc.timeout_s = a.timeout_s;
    bc.cache = cache;
    auto backend = llm::make_backend(bc);
    log_verbose("sending to " + backend->describe());
    llm::ChatRequest req;
    req.temperature = a.temperature;
    req.seed = a.seed;
    req.attempt = a.attempt;
    std::string reason;
    for (int round = 0; round <= a.repair_rounds; ++round) {
        req.messages = messages;
        llm::Result r = backend->complete(req);
        if (!r.ok()) {
            throw InputError("LLM request failed (" + std::string(llm::to_string(r.outcome)) +
                             "): " + r.message);
        }
        log_verbose("reply " + std::to_string(r.response.content.size()) + " chars, " +
                    std::to_string(r.response.usage.total_tokens) + " tokens" +
                    (r.response.from_cache ? " (cached)" : ""));
        auto ex = prompt::extract_injection(r.response.content);
        if (ex.ok()) {
            auto check = inject::auto_check(source, *ex.injection, types);
            if (check.ok) {
                if (a.format == "json") {
                    emit_output("", injection_to_json(*ex.injection));
                } else {
                    emit_output("", "=== reply (round " + std::to_string(round) + ") ===\n" +
                                        injection_to_json(*ex.injection));
                }
                return;
            }
            reason =
                check.problems.empty() ? "the automatic checks failed" : check.problems.front();
        } else {
            reason = ex.reason;
        }
        log_info("hlsv: round " + std::to_string(round) + ": unusable reply: " + reason);
        messages = prompt::repair_messages(messages, r.response.content, reason);
    }
    std::cerr << "hlsv: no usable injection after " << a.repair_rounds + 1
              << " round(s): " << reason << "\n";
    ctx.exit = ExitCode::findings;
}

} // namespace

void add_prompt(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<PromptArgs>();
    app.add_option("DESIGN", a->design,
                   "Design directory (hlsv.json / Vitis project) or source file")
        ->required();
    app.add_option("--bug", a->bugs, "Bug type(s) to inject: T or T1,T2 (see prompts/bugs.json)")
        ->required();
    app.add_option("--strategy", a->strategy,
                   "Prompt strategy; auto picks per bug type from the store's statistics")
        ->check(CLI::IsMember({"auto", "icl-rag-cot", "rag-icl"}))
        ->capture_default_str();
    app.add_option("--k", a->k, "Retrieved examples (MMR) per prompt")->capture_default_str();
    app.add_option("--db", a->db, "RAG store (default: $HLSV_DB, hlsv.toml, .hlsv/rag.db)");
    app.add_flag("--no-rag", a->no_rag, "Do not open the RAG store: zero examples, auto = default");
    add_format_option(app, &a->format, {"text", "json"});
    app.add_flag("--send", a->send, "Send the prompt and print the injection the model returns");
    app.add_option("--backend", a->backend, "LLM backend for --send")
        ->check(CLI::IsMember({"openai", "replay"}))
        ->capture_default_str();
    app.add_option("--base-url", a->base_url,
                   "OpenAI-compatible endpoint (default: $HLSV_LLM_BASE_URL, $OPENAI_BASE_URL)");
    app.add_option("--model", a->model, "Model name (default: $HLSV_LLM_MODEL)");
    app.add_option("--cassette", a->cassette, "Recorded replies to answer from (replay backend)");
    app.add_option("--record", a->record, "Append replies to this cassette (openai backend)");
    app.add_option("--repair-rounds", a->repair_rounds,
                   "Follow-up rounds that feed the failed check back to the model")
        ->capture_default_str();
    app.add_option("--temperature", a->temperature, "Sampling temperature")->capture_default_str();
    app.add_option("--seed", a->seed, "Sampling seed sent to the server")->capture_default_str();
    app.add_option("--attempt", a->attempt, "Attempt index (distinct cache entry per attempt)")
        ->capture_default_str();
    app.add_option("--timeout", a->timeout_s, "Seconds per LLM request")->capture_default_str();
    app.callback([a, &ctx] {
        DesignSpec spec = load_design(a->design);
        auto types = BugCatalog::get().parse_list(a->bugs);
        fs::path file = inject::injected_source(spec);
        std::string source = read_file(file);
        std::optional<rag::Store> store = open_store(*a, ctx.config);

        prompt::InjectInput in;
        in.bug_types = types;
        in.design_name = spec.name;
        in.function = spec.top;
        in.source = source;
        in.strategy = pick(*a, store ? &*store : nullptr, types.front());
        if (store && a->k > 0) {
            rag::MmrQuery q;
            q.source = source;
            q.bug_types = types;
            q.params.k = a->k;
            q.params.fetch_k = std::max(q.params.fetch_k, a->k);
            q.exclude_design_hash = sha256_hex(source);
            q.exclude_name = spec.name;
            for (const auto& s : store->query_mmr(q)) {
                in.examples.push_back({s.design, "", s.injection, s.bug_types, s.relevance});
            }
        }
        if (in.examples.empty()) {
            log_info("hlsv: no retrieved examples of " + a->bugs + " for " + spec.name +
                     ": the prompt relies on the catalog alone");
        }
        log_verbose("strategy " + std::string(prompt::to_string(in.strategy)) + ", " +
                    std::to_string(in.examples.size()) + " example(s)");
        auto messages = prompt::Builder().inject(in);
        if (a->send) {
            send(*a, ctx, store ? &*store : nullptr, source, types, std::move(messages));
            return;
        }
        emit_output("",
                    a->format == "json" ? prompt::to_json(messages) : prompt::to_text(messages));
    });
}

} // namespace hlsv::cli
