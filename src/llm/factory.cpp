// Choosing a backend by name: the one place the CLI and the pipeline turn flags into a client.
#include "llm.h"

#include <algorithm>

namespace hlsv::llm {

namespace {

/// Keeps the cache alive as long as the backend that writes to it.
class CacheOwner : public Backend {
  public:
    CacheOwner(std::unique_ptr<Backend> inner, std::shared_ptr<ResponseCache> cache)
        : inner_(std::move(inner)), cache_(std::move(cache)) {}
    std::vector<Result> complete_all(const std::vector<ChatRequest>& requests,
                                     const Progress& progress) override {
        return inner_->complete_all(requests, progress);
    }
    std::string describe() const override { return inner_->describe(); }

  private:
    std::unique_ptr<Backend> inner_;
    std::shared_ptr<ResponseCache> cache_;
};

} // namespace

std::unique_ptr<Backend> make_backend(const BackendConfig& cfg) {
    if (cfg.kind == "replay") {
        if (cfg.cassette.empty()) {
            throw InputError("the replay backend needs --cassette FILE");
        }
        return make_replay(cfg.cassette);
    }
    if (cfg.kind == "openai") {
        OpenAiOptions o;
        o.base_url = cfg.base_url;
        o.model = cfg.model;
        o.api_key = cfg.api_key;
        apply_environment(o);
        o.max_inflight = cfg.max_inflight;
        o.timeout_s = cfg.timeout_s;
        o.max_retries = cfg.max_retries;
        o.max_requests_per_s = cfg.max_requests_per_s;
        o.cache = cfg.cache.get();
        o.record = cfg.record;
        o.wait_notice_s = std::min(15.0, cfg.timeout_s / 3);
        auto backend = make_openai(o);
        if (cfg.cache) {
            return std::make_unique<CacheOwner>(std::move(backend), cfg.cache);
        }
        return backend;
    }
    throw InputError("unknown LLM backend '" + cfg.kind + "' (known: openai, replay)");
}

} // namespace hlsv::llm
