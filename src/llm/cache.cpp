// Response caches: in memory, and an append-only JSONL file for tests and small setups. The
// production cache is the RAG store's llm_cache table, adapted by the CLI.
#include "llm.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace hlsv::llm {

std::string response_to_json(const ChatResponse& r) {
    nlohmann::ordered_json j;
    j["content"] = r.content;
    j["model"] = r.model;
    j["finish_reason"] = r.finish_reason;
    j["usage"] = {{"prompt_tokens", r.usage.prompt_tokens},
                  {"completion_tokens", r.usage.completion_tokens},
                  {"total_tokens", r.usage.total_tokens}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<ChatResponse> response_from_json(std::string_view text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("content") || !j["content"].is_string()) {
        return std::nullopt;
    }
    ChatResponse r;
    r.content = j["content"].get<std::string>();
    r.model = j.value("model", "");
    r.finish_reason = j.value("finish_reason", "");
    if (auto u = j.find("usage"); u != j.end() && u->is_object()) {
        r.usage.prompt_tokens = u->value("prompt_tokens", 0L);
        r.usage.completion_tokens = u->value("completion_tokens", 0L);
        r.usage.total_tokens = u->value("total_tokens", 0L);
    }
    return r;
}

std::optional<std::string> MemoryCache::get(const std::string& key) {
    std::lock_guard lock(mutex_);
    if (auto it = map_.find(key); it != map_.end()) {
        return it->second;
    }
    return std::nullopt;
}

void MemoryCache::put(const std::string& key, const std::string& value) {
    std::lock_guard lock(mutex_);
    map_[key] = value;
}

std::size_t MemoryCache::size() const {
    std::lock_guard lock(mutex_);
    return map_.size();
}

FileCache::FileCache(fs::path file) : file_(std::move(file)) {
    std::error_code ec;
    if (!fs::exists(file_, ec)) {
        return;
    }
    std::istringstream in(read_file(file_));
    std::string line;
    while (std::getline(in, line)) {
        // A line torn by a crash does not parse; skipping it only loses that one entry.
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_discarded() && j.is_object() && j.contains("key") && j.contains("value") &&
            j["key"].is_string() && j["value"].is_string()) {
            memory_.put(j["key"].get<std::string>(), j["value"].get<std::string>());
        }
    }
}

std::optional<std::string> FileCache::get(const std::string& key) {
    return memory_.get(key);
}

void FileCache::put(const std::string& key, const std::string& value) {
    memory_.put(key, value);
    std::lock_guard lock(write_mutex_);
    if (!file_.parent_path().empty()) {
        std::error_code ec;
        fs::create_directories(file_.parent_path(), ec);
    }
    std::FILE* f = std::fopen(file_.c_str(), "ab");
    if (!f) {
        throw InternalError(file_.string() + ": cannot open cache file for appending");
    }
    std::string line = nlohmann::json{{"key", key}, {"value", value}}.dump(
                           -1, ' ', false, nlohmann::json::error_handler_t::replace) +
                       "\n";
    bool ok = std::fwrite(line.data(), 1, line.size(), f) == line.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok) {
        throw InternalError(file_.string() + ": cannot write cache entry");
    }
}

} // namespace hlsv::llm
