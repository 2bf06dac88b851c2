#include "transport.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <optional>
#include <unistd.h>

namespace hlsv::lsp {

bool Transport::fill(std::size_t n) {
    while (buf_.size() - pos_ < n) {
        if (pos_ > 0 && pos_ >= buf_.size() / 2) {
            buf_.erase(0, pos_); // keep the buffer from growing with consumed bytes
            pos_ = 0;
        }
        char chunk[65536];
        ssize_t got = ::read(in_fd_, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            return false;
        }
        buf_.append(chunk, static_cast<std::size_t>(got));
    }
    return true;
}

Transport::Read Transport::read(std::string& body, std::string& error) {
    // The header block ends at the first blank line.
    std::size_t end;
    for (;;) {
        end = buf_.find("\r\n\r\n", pos_);
        if (end != std::string::npos) {
            break;
        }
        if (buf_.size() - pos_ > 64 * 1024) {
            // Headers are short: this is garbage. Drop it but keep a tail that may start a header.
            pos_ = buf_.size() - 16;
            error = "no header terminator in 64 KiB of input";
            return Read::malformed;
        }
        if (!fill(buf_.size() - pos_ + 1)) {
            return Read::eof;
        }
    }
    std::string headers = buf_.substr(pos_, end - pos_);
    pos_ = end + 4;
    // Content-Length, case-insensitively; other headers (Content-Type) are ignored.
    std::optional<std::size_t> length;
    std::size_t line_start = 0;
    while (line_start <= headers.size()) {
        std::size_t line_end = headers.find("\r\n", line_start);
        if (line_end == std::string::npos) {
            line_end = headers.size();
        }
        std::string line = headers.substr(line_start, line_end - line_start);
        line_start = line_end + 2;
        auto colon = line.find(':');
        if (colon == std::string::npos) {
            continue;
        }
        std::string key = line.substr(0, colon);
        for (char& c : key) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        // Garbage before a header is tolerated: match the key's tail.
        if (key.size() < 14 || key.compare(key.size() - 14, 14, "content-length") != 0) {
            continue;
        }
        std::string value = line.substr(colon + 1);
        std::size_t a = value.find_first_not_of(" \t");
        std::size_t n = 0;
        if (a == std::string::npos) {
            break;
        }
        auto [ptr, ec] = std::from_chars(value.data() + a, value.data() + value.size(), n);
        if (ec == std::errc() &&
            value.find_first_not_of(" \t", ptr - value.data()) == std::string::npos) {
            length = n;
        }
    }
    if (!length) {
        error = "missing or invalid Content-Length header";
        return Read::malformed;
    }
    if (*length > max_bytes_) {
        // Skip the body without holding it.
        std::size_t left = *length;
        while (left > 0) {
            std::size_t have = std::min(left, buf_.size() - pos_);
            pos_ += have;
            left -= have;
            if (left > 0 && !fill(1)) {
                return Read::eof;
            }
        }
        error = "message of " + std::to_string(*length) + " bytes exceeds the limit of " +
                std::to_string(max_bytes_);
        return Read::malformed;
    }
    if (!fill(*length)) {
        return Read::eof;
    }
    body.assign(buf_, pos_, *length);
    pos_ += *length;
    return Read::message;
}

void Transport::send(const json& message) {
    // Invalid UTF-8 from a binary buffer must not throw here: replace it.
    std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
    std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    std::lock_guard<std::mutex> lock(out_mutex_);
    write_all(out_fd_, out); // false: the client went away; the reader will see end of input
}

bool write_all(int fd, std::string_view data) {
    std::size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

void Transport::send_error(const json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

} // namespace hlsv::lsp
