// hlsv llm: chat-completion backends behind one interface. `openai` talks to any
// OpenAI-compatible /v1/chat/completions server with libcurl multi (many requests in flight,
// retries with backoff, rate cap, JSON mode with fallback, response cache, cassette recording);
// `replay` answers from a recorded cassette with no network. Results keep transport errors,
// HTTP errors, timeouts and malformed replies apart. The API key never leaves the
// Authorization header: not in results, logs, caches or cassettes.
#pragma once

#include "core/core.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hlsv::llm {

struct Message {
    std::string role; ///< "system", "user", "assistant"
    std::string content;
    bool operator==(const Message&) const = default;
};

struct Usage {
    long prompt_tokens = 0;
    long completion_tokens = 0;
    long total_tokens = 0;
};

struct ChatRequest {
    std::vector<Message> messages;
    double temperature = 0.7;
    std::optional<int> seed;
    /// Attempt index: K attempts at one prompt are K distinct requests (and cache entries).
    int attempt = 0;
    /// Ask for `response_format: {"type": "json_object"}` (dropped if the server refuses it).
    bool json_mode = true;
    int max_tokens = 2048;
    std::optional<double> top_p;
};

struct ChatResponse {
    std::string content;
    Usage usage;
    std::string model;         ///< as reported by the server (or the cassette)
    std::string finish_reason; ///< "stop", "length", ...
    bool from_cache = false;
    double seconds = 0; ///< wall time from first send to the final reply (0 for a hit)
    int retries = 0;    ///< resends after 429/5xx/network errors
};

/// Why a request did not produce a reply. Kept apart so callers can tell a flaky network
/// from a model that answers garbage.
enum class Outcome {
    ok,
    http_error,   ///< the server answered with a non-2xx status (after retries)
    timeout,      ///< connect or total timeout expired
    network,      ///< DNS failure, refused or dropped connection, TLS failure
    malformed,    ///< 2xx but the body is not an OpenAI-shaped chat completion
    not_recorded, ///< replay: the request is not in the cassette
    bad_encoding, ///< 2xx but the body is not valid UTF-8 (a reply defect, like malformed)
};
std::string_view to_string(Outcome o);
/// Timeouts, connection errors and HTTP errors after every retry: the endpoint failed, the
/// model did not answer. Callers keep such items pending instead of judging them.
bool is_transport_failure(Outcome o);

struct Result {
    Outcome outcome = Outcome::ok;
    ChatResponse response;    ///< meaningful when ok()
    std::string message;      ///< one line for anything but ok (never contains the key)
    int http_status = 0;      ///< last HTTP status seen (0: none)
    std::string request_hash; ///< content hash of the request (cassette key)
    bool ok() const { return outcome == Outcome::ok; }
};

/// Called after each request of a batch finishes (from the calling thread).
using Progress = std::function<void(std::size_t done, std::size_t total)>;

// ---------------------------------------------------------------------------------------------
// Hashing
// ---------------------------------------------------------------------------------------------

/// Canonical JSON of the request's content (messages and sampling parameters, no endpoint,
/// no key): what the cassette stores and what `request_hash` hashes.
std::string canonical_request(const ChatRequest& req);
/// Hex SHA-256 of `canonical_request` (the cassette key).
std::string request_hash(const ChatRequest& req);
/// Cache key: the request hash bound to the endpoint and model (never the key).
std::string cache_key(std::string_view base_url, std::string_view model, const ChatRequest& req);

// ---------------------------------------------------------------------------------------------
// Response cache
// ---------------------------------------------------------------------------------------------

/// Where successful replies are kept by cache key. The CLI adapts the RAG store's llm_cache
/// table to this; tests use the implementations below. Implementations must be thread-safe.
class ResponseCache {
  public:
    virtual ~ResponseCache() = default;
    virtual std::optional<std::string> get(const std::string& key) = 0;
    virtual void put(const std::string& key, const std::string& value) = 0;
};

class MemoryCache : public ResponseCache {
  public:
    std::optional<std::string> get(const std::string& key) override;
    void put(const std::string& key, const std::string& value) override;
    std::size_t size() const;

  private:
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::string> map_;
};

/// An append-only JSONL file ({"key", "value"} per line), read fully on open; a torn last line
/// (crash mid-write) is skipped.
class FileCache : public ResponseCache {
  public:
    explicit FileCache(fs::path file);
    std::optional<std::string> get(const std::string& key) override;
    void put(const std::string& key, const std::string& value) override;

  private:
    fs::path file_;
    MemoryCache memory_;
    std::mutex write_mutex_;
};

/// Serializes the cacheable part of a response, and back (nullopt if the entry is unreadable).
std::string response_to_json(const ChatResponse& r);
std::optional<ChatResponse> response_from_json(std::string_view text);

// ---------------------------------------------------------------------------------------------
// Backends
// ---------------------------------------------------------------------------------------------

class Backend {
  public:
    virtual ~Backend() = default;
    /// Runs every request (many in flight for network backends); results are in request order.
    /// Never throws for per-request failures: they are Results.
    virtual std::vector<Result> complete_all(const std::vector<ChatRequest>& requests,
                                             const Progress& progress = {}) = 0;
    Result complete(const ChatRequest& request);
    /// e.g. "openai http://host/v1 model=gpt-x" (never the key).
    virtual std::string describe() const = 0;
};

struct OpenAiOptions {
    std::string base_url; ///< e.g. "https://api.openai.com/v1" (…/chat/completions appended)
    std::string model;
    std::string api_key; ///< may be empty for local servers
    int max_inflight = 8;
    double connect_timeout_s = 10;
    double timeout_s = 120; ///< whole request, per try
    int max_retries = 4;    ///< resends after 429 / 5xx / network errors
    double backoff_initial_s = 0.5;
    double backoff_max_s = 30;
    double max_requests_per_s = 0; ///< request-start rate cap; 0 = none
    std::size_t max_body_bytes = 16u << 20;
    ResponseCache* cache = nullptr; ///< not owned; may be null
    fs::path record;                ///< append a cassette line per successful network reply
    /// Print "waiting for endpoint, N s …" (log_info) every this many seconds without a reply
    /// while requests are in flight; 0 = never.
    double wait_notice_s = 15;
};

/// Fills base URL, model and key from the environment where empty: HLSV_LLM_BASE_URL,
/// HLSV_LLM_MODEL, HLSV_LLM_API_KEY, falling back to OPENAI_BASE_URL / OPENAI_API_KEY.
void apply_environment(OpenAiOptions& opts);

/// Throws InputError for a missing/invalid base URL or model or nonsensical limits.
std::unique_ptr<Backend> make_openai(const OpenAiOptions& opts);

/// Loads a cassette (JSONL). Throws InputError naming the file and line for malformed lines.
std::unique_ptr<Backend> make_replay(const fs::path& cassette);

/// One backend choice as the CLI and the pipeline see it.
struct BackendConfig {
    std::string kind = "openai"; ///< "openai" | "replay"
    std::string base_url;        ///< openai; empty: environment
    std::string model;           ///< openai; empty: environment
    std::string api_key;         ///< openai; empty: environment (never from flags or files)
    fs::path cassette;           ///< replay: the cassette to answer from
    fs::path record;             ///< openai: append replies to this cassette
    int max_inflight = 8;
    double timeout_s = 120; ///< per request and try (`--timeout`)
    int max_retries = 4;
    double max_requests_per_s = 0;
    /// openai: replies by cache key; shared so a command's store outlives nothing it needs.
    std::shared_ptr<ResponseCache> cache;
};

/// Builds the backend named by `cfg.kind` (openai fills missing endpoint, model and key from
/// the environment). Throws InputError for an unknown kind, a replay without a cassette, or
/// an openai backend without endpoint or model.
std::unique_ptr<Backend> make_backend(const BackendConfig& cfg);

/// Replaces every occurrence of `secret` in `text` with "***" (no-op for an empty secret).
std::string redact(std::string text, std::string_view secret);

} // namespace hlsv::llm
