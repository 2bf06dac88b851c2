// Cassettes: JSONL recordings of replies keyed by request hash, and the replay backend that
// answers from one with no network (reproducible datasets, offline tests, CI).
#include "internal.h"

#include <cerrno>
#include <cstring>
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
    out_ = std::fopen(file_.c_str(), "ab");
    if (!out_) {
        throw InputError(file_, std::string("cannot open cassette for recording: ") +
                                    std::strerror(errno));
    }
}

CassetteWriter::~CassetteWriter() {
    if (out_) {
        std::fclose(out_);
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
    // One fwrite + flush per line: a crash can tear only the line being written.
    bool ok = std::fwrite(text.data(), 1, text.size(), out_) == text.size();
    ok = std::fflush(out_) == 0 && ok;
    if (!ok) {
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
