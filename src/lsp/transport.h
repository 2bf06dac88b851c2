// JSON-RPC 2.0 framing over file descriptors: `Content-Length` headers, one body each.
#pragma once

#include <cstddef>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace hlsv::lsp {

using json = nlohmann::json;

/// JSON-RPC and LSP error codes.
namespace rpc_error {
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal_error = -32603;
inline constexpr int server_not_initialized = -32002;
inline constexpr int request_cancelled = -32800;
inline constexpr int request_failed = -32803;
} // namespace rpc_error

/// Writes all of `data` to `fd` (retrying short writes and EINTR); false when the reader is
/// gone.
bool write_all(int fd, std::string_view data);

class Transport {
  public:
    Transport(int in_fd, int out_fd, std::size_t max_message_bytes)
        : in_fd_(in_fd), out_fd_(out_fd), max_bytes_(max_message_bytes) {}

    enum class Read {
        message,   ///< `body` holds one message body
        malformed, ///< framing was broken; `error` says how; reading can go on
        eof,       ///< input closed
    };
    /// Reads the next message. Broken headers (no or bad Content-Length, oversized body) are
    /// skipped so the next well-framed message is still read.
    Read read(std::string& body, std::string& error);

    /// Writes one message (thread-safe; messages never interleave).
    void send(const json& message);
    /// Sends a JSON-RPC error response.
    void send_error(const json& id, int code, const std::string& message);

  private:
    /// Fills the buffer with at least `n` bytes; false at end of input.
    bool fill(std::size_t n);

    int in_fd_, out_fd_;
    std::size_t max_bytes_;
    std::string buf_;
    std::size_t pos_ = 0;
    std::mutex out_mutex_;
};

} // namespace hlsv::lsp
