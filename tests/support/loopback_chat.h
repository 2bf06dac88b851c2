// A real OpenAI-compatible chat server on 127.0.0.1 for tests of the LLM paths: every request to
// /v1/chat/completions is answered with a chat.completion whose message content comes from the
// test. It counts requests and keeps the last Authorization header, model and body, so a test
// can check what went out. A test that needs faults uses the raw form: any status, any bytes
// (not UTF-8, not JSON), or a stall that holds the reply until release_stalls() or stop() (or the
// client gives up first): no sleeps. Header-only; link cpp-httplib and nlohmann_json.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <httplib.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

namespace hlsv::test {

/// What the raw form answers to one request.
struct RawReply {
    int status = 200;
    std::string body;   ///< sent as is (may be anything, including invalid UTF-8)
    bool stall = false; ///< hold the reply until release_stalls() or stop()
};

class LoopbackChat {
  public:
    /// `content` gives the assistant message for a request body (the parsed JSON request).
    explicit LoopbackChat(std::function<std::string(const nlohmann::json&)> content)
        : LoopbackChat(raw_tag{}, [content = std::move(content)](const nlohmann::json& body, int) {
              return RawReply{200, completion(body, content(body))};
          }) {}
    /// Full control per request: `index` is the 0-based arrival order.
    struct raw_tag {};
    LoopbackChat(raw_tag, std::function<RawReply(const nlohmann::json&, int index)> raw)
        : raw_(std::move(raw)) {
        server_.Post("/v1/chat/completions",
                     [this](const httplib::Request& req, httplib::Response& res) {
                         auto body = nlohmann::json::parse(req.body, nullptr, false);
                         std::string model = body.is_object() ? body.value("model", "") : "";
                         {
                             std::lock_guard l(m_);
                             auth_ = req.get_header_value("Authorization");
                             model_ = model;
                             body_ = req.body;
                         }
                         int index = requests_++;
                         RawReply r = raw_(body, index);
                         if (r.stall) {
                             std::unique_lock l(m_);
                             ++stalled_;
                             stall_cv_.notify_all();
                             stall_cv_.wait(l, [this] { return released_; });
                         }
                         res.status = r.status;
                         res.set_content(r.body, "application/json");
                     });
        // Enough handlers that stalled replies do not starve the others.
        server_.new_task_queue = [] { return new httplib::ThreadPool(64); };
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    /// A chat.completion body answering `request` with `content`.
    static std::string completion(const nlohmann::json& request, const std::string& content) {
        std::string model = request.is_object() ? request.value("model", "") : "";
        return reply(model, content).dump();
    }
    /// Lets every stalled (and future stalled) reply go.
    void release_stalls() {
        std::lock_guard l(m_);
        released_ = true;
        stall_cv_.notify_all();
    }
    /// Stalls hold again from now on (after release_stalls()).
    void rearm_stalls() {
        std::lock_guard l(m_);
        released_ = false;
    }
    /// Blocks until `n` requests have stalled (the test's synchronization point, not a sleep).
    void wait_stalled(int n) {
        std::unique_lock l(m_);
        stall_cv_.wait(l, [&] { return stalled_ >= n; });
    }
    /// Always the same answer.
    explicit LoopbackChat(std::string content)
        : LoopbackChat([c = std::move(content)](const nlohmann::json&) { return c; }) {}
    ~LoopbackChat() { stop(); }
    LoopbackChat(const LoopbackChat&) = delete;
    LoopbackChat& operator=(const LoopbackChat&) = delete;

    /// Stops serving (idempotent): later requests fail to connect.
    void stop() {
        release_stalls();
        if (thread_.joinable()) {
            server_.stop();
            thread_.join();
        }
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }
    int requests() const { return requests_.load(); }
    std::string last_auth() {
        std::lock_guard l(m_);
        return auth_;
    }
    std::string last_model() {
        std::lock_guard l(m_);
        return model_;
    }
    std::string last_body() {
        std::lock_guard l(m_);
        return body_;
    }

  private:
    static nlohmann::json reply(const std::string& model, const std::string& content) {
        return {
            {"id", "chatcmpl-loopback"},
            {"object", "chat.completion"},
            {"created", 1},
            {"model", model.empty() ? "loopback-model" : model},
            {"choices",
             {{{"index", 0},
               {"message", {{"role", "assistant"}, {"content", content}}},
               {"finish_reason", "stop"}}}},
            {"usage", {{"prompt_tokens", 10}, {"completion_tokens", 20}, {"total_tokens", 30}}}};
    }

    std::function<RawReply(const nlohmann::json&, int)> raw_;
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::atomic<int> requests_{0};
    std::mutex m_;
    std::condition_variable stall_cv_;
    bool released_ = false;
    int stalled_ = 0;
    std::string auth_, model_, body_;
};

} // namespace hlsv::test
