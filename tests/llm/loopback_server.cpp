// The loopback HTTP server used by tests/llm and benchmarks/llm_bench.
#include "loopback_server.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace hlsv::testing {

namespace {

bool send_all(int fd, const char* data, std::size_t len) {
    while (len > 0) {
        ssize_t n = ::send(fd, data, len, MSG_NOSIGNAL);
        if (n <= 0) {
            return false;
        }
        data += n;
        len -= static_cast<std::size_t>(n);
    }
    return true;
}

const char* reason(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

LoopbackServer::LoopbackServer(Handler handler) : handler_(std::move(handler)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (listen_fd_ < 0) {
        throw std::runtime_error("loopback server: socket() failed");
    }
    int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listen_fd_, 256) != 0) {
        ::close(listen_fd_);
        throw std::runtime_error("loopback server: bind/listen failed");
    }
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

LoopbackServer::~LoopbackServer() {
    stop();
}

std::string LoopbackServer::base_url() const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/v1";
}

std::vector<HttpRequest> LoopbackServer::requests() const {
    std::lock_guard lock(mutex_);
    return log_;
}

void LoopbackServer::release_stalls() {
    std::lock_guard lock(mutex_);
    stalls_released_ = true;
    stall_cv_.notify_all();
}

void LoopbackServer::stop() {
    if (stopping_.exchange(true)) {
        return;
    }
    ::shutdown(listen_fd_, SHUT_RDWR);
    if (acceptor_.joinable()) {
        acceptor_.join();
    }
    ::close(listen_fd_);
    std::vector<std::thread> workers;
    {
        std::lock_guard lock(mutex_);
        stalls_released_ = true;
        stall_cv_.notify_all();
        for (int fd : fds_) {
            ::shutdown(fd, SHUT_RDWR); // wakes workers blocked in recv
        }
        workers.swap(workers_);
    }
    for (auto& t : workers) {
        t.join();
    }
}

void LoopbackServer::accept_loop() {
    while (!stopping_) {
        int fd = ::accept(listen_fd_, nullptr, nullptr);
        if (fd < 0) {
            if (stopping_) {
                return;
            }
            continue;
        }
        int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ++connections_;
        std::lock_guard lock(mutex_);
        if (stopping_) {
            ::close(fd);
            return;
        }
        fds_.push_back(fd);
        workers_.emplace_back([this, fd] { serve(fd); });
    }
}

void LoopbackServer::serve(int fd) {
    std::string buf;
    char chunk[16384];
    bool open = true;
    while (open && !stopping_) {
        // Read the head.
        std::size_t head_end;
        while ((head_end = buf.find("\r\n\r\n")) == std::string::npos) {
            ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0) {
                open = false;
                break;
            }
            buf.append(chunk, static_cast<std::size_t>(n));
        }
        if (!open) {
            break;
        }
        HttpRequest req;
        std::string head = buf.substr(0, head_end);
        buf.erase(0, head_end + 4);
        std::size_t line_end = head.find("\r\n");
        std::string first = head.substr(0, line_end);
        auto sp1 = first.find(' ');
        auto sp2 = first.find(' ', sp1 + 1);
        req.method = first.substr(0, sp1);
        req.path = first.substr(sp1 + 1, sp2 - sp1 - 1);
        std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
        while (pos < head.size()) {
            std::size_t e = head.find("\r\n", pos);
            if (e == std::string::npos) {
                e = head.size();
            }
            std::string line = head.substr(pos, e - pos);
            if (auto c = line.find(':'); c != std::string::npos) {
                std::string value = line.substr(c + 1);
                value.erase(0, value.find_first_not_of(' '));
                req.headers[lower(line.substr(0, c))] = value;
            }
            pos = e + 2;
        }
        std::size_t length = 0;
        if (auto it = req.headers.find("content-length"); it != req.headers.end()) {
            length = std::stoul(it->second);
        }
        while (buf.size() < length) {
            ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0) {
                open = false;
                break;
            }
            buf.append(chunk, static_cast<std::size_t>(n));
        }
        if (!open) {
            break;
        }
        req.body = buf.substr(0, length);
        buf.erase(0, length);
        req.index = count_++;
        {
            std::lock_guard lock(mutex_);
            if (keep_log_) {
                log_.push_back(req);
            }
        }
        HttpReply reply = handler_(req);
        if (reply.fault == HttpReply::Fault::drop) {
            break;
        }
        std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " " + reason(reply.status) +
                          "\r\nContent-Type: application/json\r\nContent-Length: " +
                          std::to_string(reply.body.size()) + "\r\n";
        for (const auto& [k, v] : reply.headers) {
            out += k + ": " + v + "\r\n";
        }
        out += "\r\n";
        std::size_t send_len = reply.body.size();
        if (reply.fault != HttpReply::Fault::none) {
            send_len = std::min(send_len, reply.fault_after);
        }
        out.append(reply.body, 0, send_len);
        if (!send_all(fd, out.data(), out.size())) {
            break;
        }
        if (reply.fault == HttpReply::Fault::truncate) {
            break;
        }
        if (reply.fault == HttpReply::Fault::stall) {
            std::unique_lock lock(mutex_);
            stall_cv_.wait(lock, [this] { return stalls_released_; });
            break;
        }
    }
    ::shutdown(fd, SHUT_RDWR);
    std::lock_guard lock(mutex_);
    ::close(fd);
    fds_.erase(std::remove(fds_.begin(), fds_.end(), fd), fds_.end());
}

std::string completion_body(const std::string& content, const std::string& model, int prompt_tokens,
                            int completion_tokens) {
    nlohmann::ordered_json j;
    j["id"] = "chatcmpl-test";
    j["object"] = "chat.completion";
    j["created"] = 1700000000;
    j["model"] = model;
    j["choices"] =
        nlohmann::ordered_json::array({{{"index", 0},
                                        {"message", {{"role", "assistant"}, {"content", content}}},
                                        {"finish_reason", "stop"}}});
    j["usage"] = {{"prompt_tokens", prompt_tokens},
                  {"completion_tokens", completion_tokens},
                  {"total_tokens", prompt_tokens + completion_tokens}};
    return j.dump();
}

std::string error_body(const std::string& message, const std::string& type,
                       const std::string& code) {
    return nlohmann::json{{"error", {{"message", message}, {"type", type}, {"code", code}}}}.dump();
}

} // namespace hlsv::testing
