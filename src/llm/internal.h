// Private to the llm module: reply parsing and cassette writing shared by the backends.
#pragma once

#include "llm.h"

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace hlsv::llm::detail {

/// Parses a 2xx body as an OpenAI chat completion. On failure returns Outcome::malformed with
/// the reason in `message`.
Result parse_completion(std::string_view body);

/// One line describing an error body: `error.message` when it is OpenAI-shaped, else the
/// start of the body, with newlines flattened and the length capped.
std::string error_summary(std::string_view body);

/// Appends one JSON line per reply to a cassette, flushed per line so a crash loses at most the
/// line being written.
class CassetteWriter {
  public:
    explicit CassetteWriter(const fs::path& file);
    ~CassetteWriter();
    CassetteWriter(const CassetteWriter&) = delete;
    CassetteWriter& operator=(const CassetteWriter&) = delete;
    void append(const ChatRequest& req, const std::string& hash, const ChatResponse& resp);

  private:
    fs::path file_;
    int fd_ = -1; ///< O_APPEND: each line is one write(), whole even with several writers
    std::mutex mutex_;
};

} // namespace hlsv::llm::detail
