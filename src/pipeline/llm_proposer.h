// Private to the pipeline module: injections proposed by an LLM backend (openai or replay).
#pragma once

#include "internal.h"
#include "llm/llm.h"
#include "prompt/prompt.h"
#include "rag/rag.h"

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

namespace hlsv::pipeline::detail {

/// The strategy `auto` picks for `type` from the store's statistics now (or the fixed one).
prompt::Strategy choose_strategy(const GenerateOptions& opts, rag::Store& store,
                                 const std::string& type);
/// choose_strategy for each type: fixed once when a run starts, stored with the run.
std::map<std::string, std::string> strategy_table(const GenerateOptions& opts, rag::Store& store,
                                                  const std::vector<std::string>& types);

/// One LLM attempt's outcome before validation.
struct LlmProposal {
    std::optional<Injection> injection;
    std::string failure;
    bool transport = false; ///< the endpoint failed (timeout, network, HTTP): not a verdict
    std::string strategy;
    std::string model;
    std::string prompt_hash;
    std::vector<std::int64_t> example_ids;
    double prompt_seconds = 0, llm_seconds = 0;
};

struct LlmRequestSpec {
    std::vector<std::string> types;
    int attempt = 0;
};

/// Builds prompts (strategy pick and MMR examples from the store), sends every request of a
/// design at once (many in flight), extracts and auto-checks the injections, and runs repair
/// rounds for the failures.
class LlmProposer {
  public:
    /// `strategies`: the run's fixed strategy per bug type (strategy_table at the run's start).
    LlmProposer(const GenerateOptions& opts, rag::Store& store, std::mutex& store_mutex,
                std::map<std::string, std::string> strategies);
    std::vector<LlmProposal> propose(const DesignEntry& d,
                                     const std::vector<LlmRequestSpec>& items);
    std::string describe() const { return backend_->describe(); }

  private:
    const GenerateOptions& opts_;
    rag::Store& store_;
    std::mutex& store_mutex_;
    std::map<std::string, std::string> strategies_;
    std::shared_ptr<rag::StoreCache> cache_;
    prompt::Builder builder_;
    std::unique_ptr<llm::Backend> backend_;
};

} // namespace hlsv::pipeline::detail
