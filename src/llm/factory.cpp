// Choosing a backend by name: the one place the CLI and the pipeline turn flags into a client.
#include "llm.h"

namespace hlsv::llm {

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
        o.cache = cfg.cache;
        o.record = cfg.record;
        return make_openai(o);
    }
    throw InputError("unknown LLM backend '" + cfg.kind + "' (known: openai, replay)");
}

} // namespace hlsv::llm
