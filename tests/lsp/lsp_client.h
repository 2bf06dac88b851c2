// A minimal LSP client for tests: starts `hlsv lsp` with pipes, frames JSON-RPC messages, and
// waits (poll with a deadline, never a sleep) for the message a test expects.
#pragma once

#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <poll.h>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace hlsv::test {

using json = nlohmann::json;

class LspProcess {
  public:
    explicit LspProcess(const std::vector<std::string>& argv) {
        int in[2], out[2];
        if (pipe(in) != 0 || pipe(out) != 0) {
            throw std::runtime_error("pipe failed");
        }
        pid_ = fork();
        if (pid_ == 0) {
            dup2(in[0], 0);
            dup2(out[1], 1);
            close(in[0]);
            close(in[1]);
            close(out[0]);
            close(out[1]);
            std::vector<char*> args;
            for (const auto& a : argv) {
                args.push_back(const_cast<char*>(a.c_str()));
            }
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        to_ = in[1];
        from_ = out[0];
        std::signal(SIGPIPE, SIG_IGN);
    }
    ~LspProcess() {
        if (to_ >= 0) {
            close(to_);
        }
        if (from_ >= 0) {
            close(from_);
        }
        if (pid_ > 0 && !exited_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }

    void send_raw(const std::string& bytes) {
        std::size_t done = 0;
        while (done < bytes.size()) {
            ssize_t n = write(to_, bytes.data() + done, bytes.size() - done);
            if (n <= 0) {
                throw std::runtime_error("server closed its input");
            }
            done += static_cast<std::size_t>(n);
        }
    }
    void send(const json& msg) {
        std::string body = msg.dump();
        send_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
    }
    int request(const std::string& method, const json& params) {
        int id = next_id_++;
        send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
        return id;
    }
    void notify(const std::string& method, const json& params) {
        send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
    }

    /// The next message (in arrival order) that satisfies `pred`; earlier ones stay readable
    /// through `seen()`. nullopt at the deadline or end of output.
    std::optional<json> wait_for(const std::function<bool(const json&)>& pred,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            while (cursor_ < seen_.size()) {
                const json& m = seen_[cursor_++];
                if (pred(m)) {
                    return m;
                }
            }
            if (!read_one(deadline)) {
                return std::nullopt;
            }
        }
    }
    std::optional<json> response(int id,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
        cursor_ = 0; // ids are unique: look at everything received, in any order
        return wait_for(
            [id](const json& m) {
                return m.contains("id") && m["id"] == id && !m.contains("method");
            },
            timeout);
    }
    /// Next publishDiagnostics for `uri` (optionally with exactly `version`).
    std::optional<json> diagnostics(const std::string& uri, std::optional<int> version = {},
                                    std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
        auto m = wait_for(
            [&](const json& m) {
                return m.value("method", "") == "textDocument/publishDiagnostics" &&
                       m["params"]["uri"] == uri &&
                       (!version || m["params"].value("version", -1) == *version);
            },
            timeout);
        if (!m) {
            return std::nullopt;
        }
        return (*m)["params"];
    }
    const std::vector<json>& seen() const { return seen_; }
    pid_t pid() const { return pid_; }
    /// Rewinds the search cursor to the start (to look at everything received again).
    void rewind() { cursor_ = 0; }

    /// Closes the server's input and waits for its exit code (-1 on timeout).
    int wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            int status = 0;
            pid_t r = waitpid(pid_, &status, WNOHANG);
            if (r == pid_) {
                exited_ = true;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            if (std::chrono::steady_clock::now() > deadline) {
                return -1;
            }
            // Drain output so the server never blocks writing; poll doubles as the wait.
            read_one(std::chrono::steady_clock::now() + std::chrono::milliseconds(20));
        }
    }
    bool alive() {
        int status = 0;
        return waitpid(pid_, &status, WNOHANG) == 0;
    }

  private:
    bool read_one(std::chrono::steady_clock::time_point deadline) {
        for (;;) {
            auto hdr = buf_.find("\r\n\r\n");
            if (hdr != std::string::npos) {
                auto cl = buf_.find("Content-Length: ");
                std::size_t len = std::stoul(buf_.substr(cl + 16, hdr - cl - 16));
                if (buf_.size() >= hdr + 4 + len) {
                    seen_.push_back(json::parse(buf_.substr(hdr + 4, len)));
                    buf_.erase(0, hdr + 4 + len);
                    return true;
                }
            }
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                return false;
            }
            pollfd p{from_, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left.count())) <= 0) {
                return false;
            }
            char chunk[65536];
            ssize_t n = read(from_, chunk, sizeof chunk);
            if (n <= 0) {
                return false;
            }
            buf_.append(chunk, static_cast<std::size_t>(n));
        }
    }

    pid_t pid_ = -1;
    int to_ = -1, from_ = -1;
    bool exited_ = false;
    int next_id_ = 1;
    std::string buf_;
    std::vector<json> seen_;
    std::size_t cursor_ = 0;
};

inline std::string file_uri(const std::string& path) {
    return "file://" + path; // test paths have no characters that need escaping
}

} // namespace hlsv::test
