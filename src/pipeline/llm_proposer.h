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

/// The RAG store's llm_cache table seen through the LLM client's cache interface.
class StoreCache : public llm::ResponseCache {
  public:
    StoreCache(rag::Store& store, std::mutex& mutex) : store_(store), mutex_(mutex) {}
    std::optional<std::string> get(const std::string& key) override;
    void put(const std::string& key, const std::string& value) override;

  private:
    rag::Store& store_;
    std::mutex& mutex_;
};

/// One LLM attempt's outcome before validation.
struct LlmProposal {
    std::optional<Injection> injection;
    std::string failure;
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
    LlmProposer(const GenerateOptions& opts, rag::Store& store, std::mutex& store_mutex);
    std::vector<LlmProposal> propose(const DesignEntry& d,
                                     const std::vector<LlmRequestSpec>& items);
    std::string describe() const { return backend_->describe(); }

  private:
    const GenerateOptions& opts_;
    rag::Store& store_;
    std::mutex& store_mutex_;
    StoreCache cache_;
    prompt::Builder builder_;
    std::unique_ptr<llm::Backend> backend_;
};

} // namespace hlsv::pipeline::detail
