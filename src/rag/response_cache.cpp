// The LLM response cache in the store's llm_cache table: one place, so `generate`, `inject`,
// `prompt --send`, `debug` and `eval` answer a repeated request the same way.
#include "rag.h"

namespace hlsv::rag {

std::shared_ptr<llm::ResponseCache> StoreCache::open(const fs::path& db) {
    std::shared_ptr<StoreCache> c(new StoreCache());
    c->owned_ = std::make_unique<Store>(Store::open(db));
    c->owned_mutex_ = std::make_unique<std::mutex>();
    c->store_ = c->owned_.get();
    c->mutex_ = c->owned_mutex_.get();
    return c;
}

std::optional<std::string> StoreCache::get(const std::string& key) {
    std::lock_guard lock(*mutex_);
    return store_->cache_get(key);
}

void StoreCache::put(const std::string& key, const std::string& value) {
    std::lock_guard lock(*mutex_);
    store_->cache_put(key, value);
}

} // namespace hlsv::rag
