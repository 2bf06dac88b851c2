// Strategy names and the per-bug-type pick from recorded validity statistics.
#include "prompt.h"

namespace hlsv::prompt {

std::string_view to_string(Strategy s) {
    switch (s) {
    case Strategy::icl_rag_cot:
        return "icl-rag-cot";
    case Strategy::rag_icl:
        return "rag-icl";
    }
    return "icl-rag-cot";
}

const std::vector<Strategy>& all_strategies() {
    static const std::vector<Strategy> all = {Strategy::icl_rag_cot, Strategy::rag_icl};
    return all;
}

std::optional<Strategy> parse_strategy(std::string_view name) {
    if (name == "auto") {
        return std::nullopt;
    }
    for (Strategy s : all_strategies()) {
        if (name == to_string(s)) {
            return s;
        }
    }
    throw InputError("unknown strategy '" + std::string(name) +
                     "' (known: auto, icl-rag-cot, rag-icl)");
}

Strategy pick_strategy(const std::map<Strategy, StrategyStats>& stats) {
    // Untried strategies first: without a single attempt their rate says nothing.
    for (Strategy s : all_strategies()) {
        auto it = stats.find(s);
        if (it == stats.end() || it->second.attempts <= 0) {
            return s;
        }
    }
    Strategy best = all_strategies().front();
    double best_rate = -1;
    for (Strategy s : all_strategies()) {
        const auto& st = stats.at(s);
        double rate = static_cast<double>(st.valid) / st.attempts;
        // Strictly better only: ties keep the earlier strategy (ICL+RAG+CoT).
        if (rate > best_rate) {
            best = s;
            best_rate = rate;
        }
    }
    return best;
}

} // namespace hlsv::prompt
