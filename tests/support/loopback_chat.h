// A real OpenAI-compatible chat server on 127.0.0.1 for tests of the LLM paths: every request to
// /v1/chat/completions is answered with a chat.completion whose message content comes from the
// test. It counts requests and keeps the last Authorization header, model and body, so a test
// can check what went out. Header-only; link cpp-httplib and nlohmann_json.
#pragma once

#include <atomic>
#include <functional>
#include <httplib.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

namespace hlsv::test {

class LoopbackChat {
  public:
    /// `content` gives the assistant message for a request body (the parsed JSON request).
    explicit LoopbackChat(std::function<std::string(const nlohmann::json&)> content)
        : content_(std::move(content)) {
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
                         ++requests_;
                         res.set_content(reply(model, content_(body)).dump(), "application/json");
                     });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    /// Always the same answer.
    explicit LoopbackChat(std::string content)
        : LoopbackChat([c = std::move(content)](const nlohmann::json&) { return c; }) {}
    ~LoopbackChat() { stop(); }
    LoopbackChat(const LoopbackChat&) = delete;
    LoopbackChat& operator=(const LoopbackChat&) = delete;

    /// Stops serving (idempotent): later requests fail to connect.
    void stop() {
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

    std::function<std::string(const nlohmann::json&)> content_;
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::atomic<int> requests_{0};
    std::mutex m_;
    std::string auth_, model_, body_;
};

} // namespace hlsv::test
