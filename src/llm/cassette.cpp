// Cassettes: JSONL recordings of replies keyed by request hash, and the replay backend that
// answers from one with no network (reproducible datasets, offline tests, CI).
#include "internal.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace hlsv::llm {

namespace detail {

CassetteWriter::CassetteWriter(const fs::path& file) : file_(file) {
    if (!file_.parent_path().empty()) {
        std::error_code ec;
        fs::create_directories(file_.parent_path(), ec);
    }
    fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) {
        throw InputError(file_, std::string("cannot open cassette for recording: ") +
                                    std::strerror(errno));
    }
}

CassetteWriter::~CassetteWriter() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

void CassetteWriter::append(const ChatRequest& req, const std::string& hash,
                            const ChatResponse& resp) {
    nlohmann::ordered_json line;
    line["hash"] = hash;
    line["request"] = nlohmann::ordered_json::parse(canonical_request(req));
    line["response"] = nlohmann::ordered_json::parse(response_to_json(resp));
    std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::lock_guard lock(mutex_);
    // One write() per line on an O_APPEND descriptor: lines from several writers (eval and
    // generate run backends in parallel, each with its own recorder) never interleave, and a
    // crash can tear only the line being written.
    ssize_t n = 0;
    do {
        n = ::write(fd_, text.data(), text.size());
    } while (n < 0 && errno == EINTR);
    if (n != static_cast<ssize_t>(text.size())) {
        throw InternalError(file_.string() + ": cannot append to cassette");
    }
}

} // namespace detail

namespace {

class ReplayBackend : public Backend {
  public:
    explicit ReplayBackend(const fs::path& file) : file_(file) {
        std::string text = read_file(file);
        std::istringstream in(text);
        std::string line;
        int lineno = 0;
        bool complete_last = text.empty() || text.back() == '\n';
        while (std::getline(in, line)) {
            ++lineno;
            if (trim(line).empty()) {
                continue;
            }
            auto j = nlohmann::json::parse(line, nullptr, false);
            bool last = in.peek() == std::char_traits<char>::eof();
            if (j.is_discarded() && last && !complete_last) {
                log_warning(file.string() + ":" + std::to_string(lineno) +
                            ": skipping a torn last line (recording was interrupted)");
                break;
            }
            std::optional<ChatResponse> resp;
            if (!j.is_discarded() && j.is_object() && j.contains("hash") && j["hash"].is_string() &&
                j.contains("response")) {
                resp = response_from_json(j["response"].dump());
            }
            if (!resp) {
                throw InputError(file.string() + ":" + std::to_string(lineno) +
                                 ": malformed cassette line (want {\"hash\", \"request\", "
                                 "\"response\": {\"content\", ...}})");
            }
            replies_[j["hash"].get<std::string>()] = std::move(*resp);
        }
    }

    std::vector<Result> complete_all(const std::vector<ChatRequest>& requests,
                                     const Progress& progress) override {
        std::vector<Result> out(requests.size());
        for (std::size_t i = 0; i < requests.size(); ++i) {
            Result& r = out[i];
            r.request_hash = request_hash(requests[i]);
            if (auto it = replies_.find(r.request_hash); it != replies_.end()) {
                r.response = it->second;
                r.response.from_cache = true;
            } else {
                r.outcome = Outcome::not_recorded;
                r.message = "request " + r.request_hash + " is not in cassette " + file_.string();
            }
            if (progress) {
                progress(i + 1, requests.size());
            }
        }
        return out;
    }

    std::string describe() const override {
        return "replay " + file_.string() + " (" + std::to_string(replies_.size()) + " replies)";
    }

  private:
    fs::path file_;
    std::unordered_map<std::string, ChatResponse> replies_;
};

} // namespace

std::unique_ptr<Backend> make_replay(const fs::path& cassette) {
    return std::make_unique<ReplayBackend>(cassette);
}

} // namespace hlsv::llm
