// A small HTTP/1.1 server on 127.0.0.1 for the LLM client's tests and benchmark. Written on raw
// sockets so a test can also misbehave on purpose: drop the connection, truncate the body, stall
// mid-body. One thread per connection, keep-alive; no sleeps: stalls wait on a condition
// variable that stop() (or release_stalls()) signals.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hlsv::testing {

struct HttpRequest {
    std::string method;
    std::string path;
    std::map<std::string, std::string> headers; ///< names lower-cased
    std::string body;
    int index = 0; ///< 0-based arrival order
};

struct HttpReply {
    enum class Fault { none, drop, truncate, stall };
    HttpReply() = default;
    HttpReply(int status_, std::string body_) : status(status_), body(std::move(body_)) {}
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    Fault fault = Fault::none;
    std::size_t fault_after = 0; ///< bytes of body sent before truncating / stalling
};

class LoopbackServer {
  public:
    using Handler = std::function<HttpReply(const HttpRequest&)>;
    explicit LoopbackServer(Handler handler);
    ~LoopbackServer();
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    int port() const { return port_; }
    std::string base_url() const; ///< "http://127.0.0.1:PORT/v1"
    int request_count() const { return count_.load(); }
    std::vector<HttpRequest> requests() const; ///< every request seen, in arrival order
    std::size_t connections() const { return connections_.load(); }
    void release_stalls();
    void stop();

  private:
    void accept_loop();
    void serve(int fd);

    Handler handler_;
    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<int> count_{0};
    std::atomic<std::size_t> connections_{0};
    std::thread acceptor_;
    mutable std::mutex mutex_;
    std::condition_variable stall_cv_;
    bool stalls_released_ = false;
    std::vector<std::thread> workers_;
    std::vector<int> fds_;
    std::vector<HttpRequest> log_;
    bool keep_log_ = true;

  public:
    /// The benchmark turns the request log off to keep memory flat.
    void set_keep_log(bool on) {
        std::lock_guard lock(mutex_);
        keep_log_ = on;
    }
};

/// An OpenAI-shaped chat completion body.
std::string completion_body(const std::string& content, const std::string& model = "test-model",
                            int prompt_tokens = 11, int completion_tokens = 7);
/// An OpenAI-shaped error body.
std::string error_body(const std::string& message,
                       const std::string& type = "invalid_request_error",
                       const std::string& code = "bad_request");

} // namespace hlsv::testing
