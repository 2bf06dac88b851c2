// The LLM's part of the debugging assistant: the localize prompt filled with the design, the
// failing output and the most similar known bugs (MMR from the RAG store); the reply's
// candidates become suspects, and their fixes join the candidates the testbench judges.
#include "inject/inject.h"
#include "internal.h"
#include "llm/llm.h"
#include "prompt/prompt.h"
#include "rag/rag.h"

#include <nlohmann/json.hpp>

namespace hlsv::assist::detail {

std::vector<LlmCandidate> llm_candidates(const DesignSpec& design, const std::string& file_name,
                                         const std::string& text, const std::string& symptom,
                                         const DebugOptions& opts,
                                         std::vector<std::string>& notes) {
    std::vector<LlmCandidate> out;
    std::vector<prompt::Example> examples;
    try {
        rag::StoreOptions so;
        rag::Store store = rag::Store::open(rag::resolve_db_path(opts.db, opts.config), so);
        std::vector<std::string> all;
        for (const auto& t : BugCatalog::get().types()) {
            all.push_back(t.code);
        }
        rag::MmrQuery q;
        q.source = text;
        q.bug_types = all;
        q.params.k = 3;
        q.exclude_name = design.name;
        for (const auto& s : store.query_mmr(q)) {
            examples.push_back({s.design, "", s.injection, s.bug_types, s.relevance});
        }
    } catch (const Error& e) {
        notes.push_back(std::string("no similar bugs from the RAG store: ") + e.what());
    }
    prompt::Builder builder;
    prompt::LocalizeInput in;
    in.design_name = design.name;
    in.function = design.top;
    in.source = text;
    in.symptom = symptom;
    in.examples = examples;
    in.max_candidates = std::max(1, opts.top);
    llm::ChatRequest req;
    req.messages = builder.localize(in);
    req.temperature = 0;
    llm::BackendConfig bc;
    bc.kind = opts.backend;
    bc.base_url = opts.base_url;
    bc.model = opts.model;
    bc.cassette = opts.cassette;
    bc.record = opts.record;
    bc.timeout_s = opts.llm_timeout_s;
    if (bc.kind == "openai") {
        try {
            bc.cache = rag::StoreCache::open(rag::resolve_db_path(opts.db, opts.config));
        } catch (const Error& e) {
            notes.push_back(std::string("no LLM response cache: ") + e.what());
        }
    }
    auto backend = llm::make_backend(bc);
    auto r = backend->complete(req);
    if (!r.ok()) {
        notes.push_back("LLM gave no answer: " + std::string(llm::to_string(r.outcome)) + ": " +
                        r.message);
        return out;
    }
    auto obj = prompt::extract_json_object(r.response.content, "Candidates");
    if (!obj) {
        notes.push_back("the LLM's reply has no \"Candidates\" JSON object");
        return out;
    }
    auto j = nlohmann::json::parse(*obj, nullptr, false);
    SourceText src(text);
    double rank_weight = 1.0;
    for (const auto& c : j.value("Candidates", nlohmann::json::array())) {
        if (!c.is_object()) {
            continue;
        }
        LlmCandidate lc;
        lc.type = c.value("Error Type", "");
        lc.explanation = c.value("Explanation", "");
        std::string faulty = c.value("Faulty Code", "");
        std::string fixed = c.value("Fixed Code", "");
        int line = c.contains("Line") && c["Line"].is_number_integer() ? c["Line"].get<int>() : 0;
        if (!faulty.empty()) {
            // Where the quoted code really is beats the line number the model guessed.
            Injection inj;
            inj.error_size = 1;
            inj.specs.push_back({lc.type.empty() ? "OOB" : lc.type, faulty,
                                 fixed.empty() ? faulty : fixed,
                                 line > 0 ? std::optional<int>(line) : std::nullopt, ""});
            auto applied = inject::apply(text, inj, {}, file_name);
            if (!applied.entries.empty() && applied.entries[0].line > 0) {
                line = applied.entries[0].line;
            }
            if (applied.ok && !fixed.empty()) {
                lc.fixed_text = applied.buggy; // "buggy" here is the text with the fix applied
            }
        }
        if (line < 1 || line > static_cast<int>(src.line_count())) {
            notes.push_back("the LLM named line " + std::to_string(line) +
                            ", which the design does not have; ignored");
            continue;
        }
        lc.line = line;
        lc.weight = rank_weight;
        rank_weight *= 0.8;
        out.push_back(std::move(lc));
    }
    return out;
}

} // namespace hlsv::assist::detail
