// Backend selection by name, shared by every command that talks to a model.
#include "llm.h"

namespace hlsv::llm {

std::unique_ptr<Backend> make_backend(const BackendConfig& c) {
    if (c.kind == "replay") {
        if (c.cassette.empty()) {
            throw InputError("the replay backend needs --cassette FILE");
        }
        return make_replay(c.cassette);
    }
    if (c.kind == "openai") {
        OpenAiOptions o;
        o.base_url = c.base_url;
        o.model = c.model;
        o.max_inflight = c.max_inflight;
        o.cache = c.cache;
        o.record = c.record;
        apply_environment(o);
        return make_openai(o);
    }
    throw InputError("unknown LLM backend '" + c.kind + "' (expected openai or replay)");
}

} // namespace hlsv::llm
