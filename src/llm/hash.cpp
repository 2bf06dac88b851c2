// Request identity: the canonical JSON of a request, its hash (cassette key) and the cache key.
#include "llm.h"

#include <nlohmann/json.hpp>

namespace hlsv::llm {

std::string_view to_string(Outcome o) {
    switch (o) {
    case Outcome::ok:
        return "ok";
    case Outcome::http_error:
        return "http_error";
    case Outcome::timeout:
        return "timeout";
    case Outcome::network:
        return "network";
    case Outcome::malformed:
        return "malformed";
    case Outcome::not_recorded:
        return "not_recorded";
    case Outcome::bad_encoding:
        return "reply-encoding";
    }
    return "unknown";
}

bool is_transport_failure(Outcome o) {
    return o == Outcome::timeout || o == Outcome::network || o == Outcome::http_error;
}

std::string canonical_request(const ChatRequest& req) {
    // Ordered keys and a fixed shape, so the same request always hashes the same.
    nlohmann::ordered_json j;
    auto msgs = nlohmann::ordered_json::array();
    for (const auto& m : req.messages) {
        msgs.push_back({{"role", m.role}, {"content", m.content}});
    }
    j["messages"] = std::move(msgs);
    j["temperature"] = req.temperature;
    j["seed"] = req.seed ? nlohmann::ordered_json(*req.seed) : nlohmann::ordered_json();
    j["attempt"] = req.attempt;
    j["json_mode"] = req.json_mode;
    j["max_tokens"] = req.max_tokens;
    j["top_p"] = req.top_p ? nlohmann::ordered_json(*req.top_p) : nlohmann::ordered_json();
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string request_hash(const ChatRequest& req) {
    return sha256_hex(canonical_request(req));
}

std::string cache_key(std::string_view base_url, std::string_view model, const ChatRequest& req) {
    std::string material;
    material.reserve(base_url.size() + model.size() + 80);
    material.append(base_url).append("\n").append(model).append("\n").append(request_hash(req));
    return sha256_hex(material);
}

std::string redact(std::string text, std::string_view secret) {
    if (secret.empty()) {
        return text;
    }
    for (std::size_t pos = text.find(secret); pos != std::string::npos;
         pos = text.find(secret, pos + 3)) {
        text.replace(pos, secret.size(), "***");
    }
    return text;
}

Result Backend::complete(const ChatRequest& request) {
    return std::move(complete_all({request}).at(0));
}

} // namespace hlsv::llm
