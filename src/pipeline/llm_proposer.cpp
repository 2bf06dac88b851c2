// Injections from an LLM: strategy pick -> MMR examples -> prompt -> backend -> extraction ->
// automatic checks -> repair rounds with the failed check fed back.
#include "llm_proposer.h"

#include "inject/inject.h"

namespace hlsv::pipeline::detail {

std::optional<std::string> StoreCache::get(const std::string& key) {
    std::lock_guard lock(mutex_);
    return store_.cache_get(key);
}

void StoreCache::put(const std::string& key, const std::string& value) {
    std::lock_guard lock(mutex_);
    store_.cache_put(key, value);
}

LlmProposer::LlmProposer(const GenerateOptions& opts, rag::Store& store, std::mutex& store_mutex)
    : opts_(opts), store_(store), store_mutex_(store_mutex), cache_(store, store_mutex) {
    llm::BackendConfig bc;
    bc.kind = opts.backend;
    bc.base_url = opts.base_url;
    bc.model = opts.model;
    bc.cassette = opts.cassette;
    bc.record = opts.record;
    bc.max_inflight = opts.max_inflight;
    bc.cache = &cache_;
    backend_ = llm::make_backend(bc);
}

namespace {

prompt::Strategy choose_strategy(const GenerateOptions& opts, rag::Store& store, std::mutex& m,
                                 const std::string& type) {
    if (auto s = prompt::parse_strategy(opts.strategy)) {
        return *s;
    }
    std::map<prompt::Strategy, prompt::StrategyStats> stats;
    std::vector<rag::StrategyStats> rows;
    {
        std::lock_guard lock(m);
        rows = store.strategy_stats(type);
    }
    for (const auto& r : rows) {
        for (auto s : prompt::all_strategies()) {
            if (prompt::to_string(s) == r.strategy) {
                stats[s] = {static_cast<int>(r.attempts), static_cast<int>(r.valid)};
            }
        }
    }
    return prompt::pick_strategy(stats);
}

} // namespace

std::vector<LlmProposal> LlmProposer::propose(const DesignEntry& d,
                                              const std::vector<LlmRequestSpec>& items) {
    std::vector<LlmProposal> out(items.size());
    std::vector<std::vector<llm::Message>> conversations(items.size());
    std::vector<llm::ChatRequest> requests(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        double t0 = now_seconds();
        auto strategy = choose_strategy(opts_, store_, store_mutex_, items[i].types.front());
        std::vector<rag::Selected> selected;
        {
            std::lock_guard lock(store_mutex_);
            rag::MmrQuery q;
            q.source = d.source;
            q.bug_types = items[i].types;
            q.params.k = opts_.k;
            q.exclude_design_hash = sha256_hex(d.source);
            q.exclude_suite = d.suite;
            q.exclude_name = d.spec.name;
            selected = store_.query_mmr(q);
        }
        prompt::InjectInput in;
        in.bug_types = items[i].types;
        in.design_name = d.spec.name;
        in.function = d.spec.top;
        in.source = d.source;
        in.strategy = strategy;
        for (const auto& s : selected) {
            in.examples.push_back({s.design, "", s.injection, s.bug_types, s.relevance});
            out[i].example_ids.push_back(s.id);
        }
        conversations[i] = builder_.inject(in);
        requests[i].messages = conversations[i];
        requests[i].attempt = items[i].attempt;
        requests[i].seed = static_cast<int>(opts_.seed & 0x7fffffff);
        requests[i].temperature = 0.7;
        out[i].strategy = std::string(prompt::to_string(strategy));
        out[i].prompt_hash = llm::request_hash(requests[i]).substr(0, 16);
        out[i].prompt_seconds = now_seconds() - t0;
    }

    std::vector<std::size_t> open(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        open[i] = i;
    }
    for (int round = 0; round <= opts_.repair_rounds && !open.empty(); ++round) {
        std::vector<llm::ChatRequest> batch;
        for (auto i : open) {
            batch.push_back(requests[i]);
        }
        double t0 = now_seconds();
        auto results = backend_->complete_all(batch);
        double per = (now_seconds() - t0) / static_cast<double>(batch.size());
        std::vector<std::size_t> retry;
        for (std::size_t j = 0; j < open.size(); ++j) {
            std::size_t i = open[j];
            const auto& r = results[j];
            out[i].llm_seconds += per;
            if (!r.ok()) {
                out[i].failure = "llm-" + std::string(llm::to_string(r.outcome)) + ": " + r.message;
                continue; // transport failures are not repaired by rephrasing
            }
            out[i].model = r.response.model;
            auto ex = prompt::extract_injection(r.response.content);
            std::string reason;
            if (!ex.ok()) {
                reason = ex.reason;
            } else {
                auto chk = inject::auto_check(d.source, *ex.injection, items[i].types);
                if (chk.ok) {
                    out[i].injection = *ex.injection;
                    out[i].failure.clear();
                    continue;
                }
                reason = chk.problems.empty() ? "automatic check failed" : chk.problems.front();
            }
            out[i].failure = "auto-check: " + reason;
            if (round < opts_.repair_rounds) {
                conversations[i] =
                    prompt::repair_messages(conversations[i], r.response.content, reason);
                requests[i].messages = conversations[i];
                retry.push_back(i);
            }
        }
        open = std::move(retry);
    }
    return out;
}

} // namespace hlsv::pipeline::detail
