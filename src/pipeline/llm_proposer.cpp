// Injections from an LLM: strategy pick -> MMR examples -> prompt -> backend -> extraction ->
// automatic checks -> repair rounds with the failed check fed back.
#include "llm_proposer.h"

#include "inject/inject.h"

namespace hlsv::pipeline::detail {

LlmProposer::LlmProposer(const GenerateOptions& opts, rag::Store& store, std::mutex& store_mutex,
                         std::map<std::string, std::string> strategies)
    : opts_(opts), store_(store), store_mutex_(store_mutex), strategies_(std::move(strategies)),
      cache_(std::make_shared<rag::StoreCache>(store, store_mutex)) {
    llm::BackendConfig bc;
    bc.kind = opts.backend;
    bc.base_url = opts.base_url;
    bc.model = opts.model;
    bc.cassette = opts.cassette;
    bc.record = opts.record;
    bc.max_inflight = opts.max_inflight;
    bc.timeout_s = opts.llm_timeout_s;
    bc.cache = cache_;
    backend_ = llm::make_backend(bc);
}

std::map<std::string, std::string> strategy_table(const GenerateOptions& opts, rag::Store& store,
                                                  const std::vector<std::string>& types) {
    std::map<std::string, std::string> out;
    for (const auto& t : types) {
        out[t] = std::string(prompt::to_string(choose_strategy(opts, store, t)));
    }
    return out;
}

prompt::Strategy choose_strategy(const GenerateOptions& opts, rag::Store& store,
                                 const std::string& type) {
    if (auto s = prompt::parse_strategy(opts.strategy)) {
        return *s;
    }
    std::map<prompt::Strategy, prompt::StrategyStats> stats;
    std::vector<rag::StrategyStats> rows = store.strategy_stats(type);
    for (const auto& r : rows) {
        for (auto s : prompt::all_strategies()) {
            if (prompt::to_string(s) == r.strategy) {
                stats[s] = {static_cast<int>(r.attempts), static_cast<int>(r.valid)};
            }
        }
    }
    return prompt::pick_strategy(stats);
}

namespace {

// The run's fixed pick for the item's first type, so a resumed run sends the prompts the
// uninterrupted one would have sent.
prompt::Strategy fixed_strategy(const std::map<std::string, std::string>& table,
                                const std::string& type) {
    auto it = table.find(type);
    if (it == table.end()) {
        throw InternalError("no strategy fixed for bug type " + type);
    }
    return *prompt::parse_strategy(it->second);
}

constexpr const char* k_bad_bytes_reply = "(a reply whose bytes are not valid UTF-8)";

} // namespace

std::vector<LlmProposal> LlmProposer::propose(const DesignEntry& d,
                                              const std::vector<LlmRequestSpec>& items) {
    std::vector<LlmProposal> out(items.size());
    std::vector<std::vector<llm::Message>> conversations(items.size());
    std::vector<llm::ChatRequest> requests(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        double t0 = now_seconds();
        auto strategy = fixed_strategy(strategies_, items[i].types.front());
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
            std::string reason;
            std::string reply = r.response.content;
            if (r.outcome == llm::Outcome::bad_encoding) {
                // A reply defect like any other: ask again, then judge it.
                reason = "reply-encoding: " + r.message;
                reply = k_bad_bytes_reply;
                out[i].failure = reason;
            } else if (!r.ok()) {
                out[i].failure = "llm-" + std::string(llm::to_string(r.outcome)) + ": " + r.message;
                // Transport failures are not repaired by rephrasing, nor judged: the item stays
                // pending for the next run.
                out[i].transport = llm::is_transport_failure(r.outcome);
                continue;
            }
            out[i].model = r.response.model;
            auto ex = reason.empty() ? prompt::extract_injection(reply) : prompt::Extracted{};
            if (!reason.empty()) {
                // keep the encoding reason
            } else if (!ex.ok()) {
                reason = ex.reason;
            } else {
                inject::ApplyOptions ao;
                ao.unique = true; // several places and no "Line": ask which one
                auto chk = inject::auto_check(d.source, *ex.injection, items[i].types, ao);
                if (chk.ok) {
                    out[i].injection = *ex.injection;
                    out[i].failure.clear();
                    continue;
                }
                reason = chk.problems.empty() ? "automatic check failed" : chk.problems.front();
            }
            if (reason.rfind("reply-encoding", 0) != 0) {
                out[i].failure = "auto-check: " + reason;
            }
            if (reason.find("no \"Line\" says which") != std::string::npos) {
                reason += "; add \"Line\": the 1-based line number in the design of the place "
                          "you mean";
            }
            if (round < opts_.repair_rounds) {
                conversations[i] = prompt::repair_messages(conversations[i], reply, reason);
                requests[i].messages = conversations[i];
                retry.push_back(i);
            }
        }
        open = std::move(retry);
    }
    return out;
}

} // namespace hlsv::pipeline::detail
