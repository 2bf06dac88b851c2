// The OpenAI-compatible backend: one libcurl multi handle drives many requests in flight over
// reused connections; each request is retried with exponential backoff and jitter on 429, 5xx
// and network errors (honouring Retry-After), a start-rate cap spaces requests out, and a
// server that refuses JSON mode is asked again without it (and remembered).
#include "internal.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <curl/curl.h>
#include <deque>
#include <nlohmann/json.hpp>
#include <queue>
#include <random>
#include <set>

namespace hlsv::llm {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

/// Endpoints (base URL + model) that answered 400 to response_format, process-wide, so later
/// batches and other backends skip the wasted round trip.
std::mutex g_refusal_mutex;
std::set<std::string> g_json_mode_refused;

bool json_mode_refused(const std::string& endpoint) {
    std::lock_guard lock(g_refusal_mutex);
    return g_json_mode_refused.count(endpoint) != 0;
}

void remember_json_mode_refused(const std::string& endpoint) {
    std::lock_guard lock(g_refusal_mutex);
    g_json_mode_refused.insert(endpoint);
}

void curl_global_once() {
    static const bool done = [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
            throw InternalError("libcurl initialization failed");
        }
        return true;
    }();
    (void)done;
}

/// Per-request state across tries.
struct Job {
    std::size_t index = 0;
    std::string key;        ///< cache key
    int tries = 0;          ///< sends so far
    bool json_mode = false; ///< send response_format on the next try
    Clock::time_point first_start{};
    bool started = false;
};

/// One try in flight.
struct Transfer {
    Job* job = nullptr;
    CURL* easy = nullptr;
    std::string request_body;
    std::string body;
    std::optional<double> retry_after;
    std::size_t max_body = 0;
    bool too_big = false;
    char error[CURL_ERROR_SIZE] = {}; ///< libcurl's detailed message ("... Connection refused")
};

/// libcurl's detailed message for a failed transfer, else the generic one for `code`.
std::string transfer_error(const Transfer& t, CURLcode code) {
    return t.error[0] != '\0' ? std::string(t.error) : std::string(curl_easy_strerror(code));
}

size_t on_body(char* data, size_t size, size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    size_t len = size * n;
    if (t->body.size() + len > t->max_body) {
        t->too_big = true;
        return 0; // aborts the transfer with CURLE_WRITE_ERROR
    }
    t->body.append(data, len);
    return len;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    size_t len = size * n;
    std::string_view line(data, len);
    constexpr std::string_view name = "retry-after:";
    if (line.size() > name.size()) {
        std::string head(line.substr(0, name.size()));
        std::transform(head.begin(), head.end(), head.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (head == name) {
            std::string value(trim(line.substr(name.size())));
            char* end = nullptr;
            double secs = std::strtod(value.c_str(), &end);
            // Only the delta-seconds form; an HTTP-date falls back to our own backoff.
            if (end && end != value.c_str() && *end == '\0' && secs >= 0) {
                t->retry_after = secs;
            }
        }
    }
    return len;
}

class OpenAiBackend : public Backend {
  public:
    explicit OpenAiBackend(OpenAiOptions opts)
        : opts_(std::move(opts)), rng_(std::random_device{}()) {
        curl_global_once();
        while (!opts_.base_url.empty() && opts_.base_url.back() == '/') {
            opts_.base_url.pop_back();
        }
        url_ = opts_.base_url + "/chat/completions";
        endpoint_ = opts_.base_url + "\n" + opts_.model;
        multi_ = curl_multi_init();
        if (!multi_) {
            throw InternalError("libcurl: cannot create a multi handle");
        }
        curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, static_cast<long>(opts_.max_inflight));
        headers_ = curl_slist_append(headers_, "Content-Type: application/json");
        headers_ = curl_slist_append(headers_, "Accept: application/json");
        headers_ = curl_slist_append(headers_, "Expect:"); // no 100-continue round trip
        if (!opts_.api_key.empty()) {
            std::string auth = "Authorization: Bearer " + opts_.api_key;
            headers_ = curl_slist_append(headers_, auth.c_str());
        }
        if (!opts_.record.empty()) {
            recorder_ = std::make_unique<detail::CassetteWriter>(opts_.record);
        }
    }

    ~OpenAiBackend() override {
        for (CURL* e : idle_) {
            curl_easy_cleanup(e);
        }
        curl_multi_cleanup(multi_);
        curl_slist_free_all(headers_);
    }

    std::string describe() const override {
        return "openai " + opts_.base_url + " model=" + opts_.model;
    }

    std::vector<Result> complete_all(const std::vector<ChatRequest>& requests,
                                     const Progress& progress) override;

  private:
    /// Adds a try of `job` to the multi handle.
    std::unique_ptr<Transfer> start(Job& job, const ChatRequest& req);
    /// Handles a finished try: nullopt when the job is final, else the delay (s) before the
    /// next try.
    std::optional<double> finish(Transfer& t, CURLcode code, Result& result);
    double backoff_seconds(int tries);
    CURL* take_easy();
    void give_back(CURL* e);
    std::string request_body(const ChatRequest& req, bool json_mode) const;
    std::string clean(std::string s) const { return redact(std::move(s), opts_.api_key); }

    OpenAiOptions opts_;
    std::string url_;
    std::string endpoint_;
    CURLM* multi_ = nullptr;
    curl_slist* headers_ = nullptr;
    std::vector<CURL*> idle_;
    std::unique_ptr<detail::CassetteWriter> recorder_;
    std::mt19937_64 rng_;
    std::mutex run_mutex_; // one batch at a time per backend
};

CURL* OpenAiBackend::take_easy() {
    if (!idle_.empty()) {
        CURL* e = idle_.back();
        idle_.pop_back();
        curl_easy_reset(e);
        return e;
    }
    CURL* e = curl_easy_init();
    if (!e) {
        throw InternalError("libcurl: cannot create an easy handle");
    }
    return e;
}

void OpenAiBackend::give_back(CURL* e) {
    idle_.push_back(e);
}

std::string OpenAiBackend::request_body(const ChatRequest& req, bool json_mode) const {
    nlohmann::ordered_json j;
    j["model"] = opts_.model;
    auto msgs = nlohmann::ordered_json::array();
    for (const auto& m : req.messages) {
        msgs.push_back({{"role", m.role}, {"content", m.content}});
    }
    j["messages"] = std::move(msgs);
    j["temperature"] = req.temperature;
    j["max_tokens"] = req.max_tokens;
    if (req.seed) {
        j["seed"] = *req.seed;
    }
    if (req.top_p) {
        j["top_p"] = *req.top_p;
    }
    if (json_mode) {
        j["response_format"] = {{"type", "json_object"}};
    }
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

double OpenAiBackend::backoff_seconds(int tries) {
    double base = std::min(opts_.backoff_max_s,
                           opts_.backoff_initial_s * std::pow(2.0, std::max(0, tries - 1)));
    // Jitter in [base/2, base]: clients that failed together do not retry together.
    std::uniform_real_distribution<double> jitter(0.5, 1.0);
    return base * jitter(rng_);
}

std::unique_ptr<Transfer> OpenAiBackend::start(Job& job, const ChatRequest& req) {
    auto t = std::make_unique<Transfer>();
    t->job = &job;
    t->easy = take_easy();
    t->max_body = opts_.max_body_bytes;
    t->request_body = request_body(req, job.json_mode);
    if (!job.started) {
        job.started = true;
        job.first_start = Clock::now();
    }
    ++job.tries;
    CURL* e = t->easy;
    curl_easy_setopt(e, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers_);
    curl_easy_setopt(e, CURLOPT_POST, 1L);
    curl_easy_setopt(e, CURLOPT_POSTFIELDS, t->request_body.c_str());
    curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(t->request_body.size()));
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(std::max(1.0, opts_.connect_timeout_s * 1000)));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS,
                     static_cast<long>(std::max(1.0, opts_.timeout_s * 1000)));
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_USERAGENT, "hlsv/" HLSV_VERSION);
    if (curl_multi_add_handle(multi_, e) != CURLM_OK) {
        give_back(e);
        throw InternalError("libcurl: cannot add a transfer");
    }
    return t;
}

std::optional<double> OpenAiBackend::finish(Transfer& t, CURLcode code, Result& result) {
    Job& job = *t.job;
    bool retryable = false;
    std::optional<double> delay;
    long status = 0;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    result.http_status = static_cast<int>(status);

    if (code == CURLE_OK && status >= 200 && status < 300) {
        Result parsed = detail::parse_completion(t.body);
        parsed.request_hash = result.request_hash;
        parsed.http_status = result.http_status;
        parsed.message = clean(parsed.message);
        result = std::move(parsed);
        if (!result.ok()) {
            result.message = url_ + ": " + result.message;
        }
    } else if (code == CURLE_OK) {
        std::string why = detail::error_summary(t.body);
        if (status == 400 && job.json_mode && t.body.find("response_format") != std::string::npos) {
            // The server does not do JSON mode: ask again without it, at once, uncounted.
            remember_json_mode_refused(endpoint_);
            job.json_mode = false;
            --job.tries;
            log_verbose(url_ + " refuses response_format; resending without it");
            result.outcome = Outcome::http_error;
            return 0.0;
        }
        result.outcome = Outcome::http_error;
        result.message = clean(url_ + ": HTTP " + std::to_string(status) + ": " + why);
        if (status == 429 || status >= 500) {
            retryable = true;
            delay = t.retry_after;
        }
    } else if (t.too_big || code == CURLE_WRITE_ERROR) {
        result.outcome = Outcome::malformed;
        result.message =
            url_ + ": reply body exceeds " + std::to_string(opts_.max_body_bytes) + " bytes";
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
        result.outcome = Outcome::timeout;
        result.message = url_ + ": no complete reply within " +
                         std::to_string(static_cast<int>(std::ceil(opts_.timeout_s))) +
                         " s (timeout)";
        if (status == 0 && t.body.empty()) {
            double connect = 0;
            curl_easy_getinfo(t.easy, CURLINFO_CONNECT_TIME, &connect);
            if (connect == 0) {
                result.message = url_ + ": connect timeout";
            }
        }
    } else if (code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_UNSUPPORTED_PROTOCOL ||
               code == CURLE_URL_MALFORMAT) {
        result.outcome = Outcome::network;
        result.message = clean(url_ + ": " + transfer_error(t, code));
    } else {
        result.outcome = Outcome::network;
        result.message = clean(url_ + ": " + transfer_error(t, code));
        retryable = true;
    }

    if (retryable && job.tries <= opts_.max_retries) {
        double wait = delay ? *delay : backoff_seconds(job.tries);
        if (delay && *delay > opts_.backoff_max_s) {
            result.message += " (server asks to retry after " +
                              std::to_string(static_cast<long>(*delay)) + " s; giving up)";
            return std::nullopt;
        }
        log_verbose(result.message + "; retry " + std::to_string(job.tries) + " in " +
                    std::to_string(wait) + " s");
        return wait;
    }
    if (retryable && opts_.max_retries > 0) {
        result.message += " (after " + std::to_string(job.tries) + " tries)";
    }
    return std::nullopt;
}

std::vector<Result> OpenAiBackend::complete_all(const std::vector<ChatRequest>& requests,
                                                const Progress& progress) {
    std::lock_guard lock(run_mutex_);
    const std::size_t n = requests.size();
    std::vector<Result> results(n);
    std::vector<Job> jobs(n);
    std::size_t done = 0;
    auto finished = [&](std::size_t) {
        ++done;
        if (progress) {
            progress(done, n);
        }
    };
    auto keep = [&](std::size_t i) {
        if (recorder_) {
            recorder_->append(requests[i], results[i].request_hash, results[i].response);
        }
    };

    std::deque<std::size_t> ready;
    const bool refused = json_mode_refused(endpoint_);
    for (std::size_t i = 0; i < n; ++i) {
        Job& job = jobs[i];
        job.index = i;
        results[i].request_hash = request_hash(requests[i]);
        job.key = sha256_hex(opts_.base_url + "\n" + opts_.model + "\n" + results[i].request_hash);
        if (opts_.cache) {
            if (auto hit = opts_.cache->get(job.key)) {
                if (auto resp = response_from_json(*hit)) {
                    results[i].response = std::move(*resp);
                    results[i].response.from_cache = true;
                    keep(i);
                    finished(i);
                    continue;
                }
            }
        }
        job.json_mode = requests[i].json_mode && !refused;
        ready.push_back(i);
    }

    using Delayed = std::pair<Clock::time_point, std::size_t>;
    std::priority_queue<Delayed, std::vector<Delayed>, std::greater<>> delayed;
    std::unordered_map<CURL*, std::unique_ptr<Transfer>> active;
    const auto interval = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
        opts_.max_requests_per_s > 0 ? 1.0 / opts_.max_requests_per_s : 0.0));
    Clock::time_point next_slot = Clock::now();
    // A slow endpoint is not a hung hlsv: say so while requests are out and nothing comes back.
    Clock::time_point last_reply = Clock::now();
    Clock::time_point last_notice = last_reply;
    const auto notice_every = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(opts_.wait_notice_s));

    try {
        while (done < n) {
            auto now = Clock::now();
            if (!active.empty() && opts_.wait_notice_s > 0 && now - last_reply >= notice_every &&
                now - last_notice >= notice_every) {
                last_notice = now;
                long waited = static_cast<long>(
                    std::chrono::duration<double>(now - last_reply).count() + 0.5);
                log_info("waiting for endpoint, " + std::to_string(waited) + " s \u2026 (" +
                         std::to_string(active.size()) + " request" +
                         (active.size() == 1 ? "" : "s") + " in flight, " + std::to_string(done) +
                         " of " + std::to_string(n) + " done)");
            }
            while (!delayed.empty() && delayed.top().first <= now) {
                ready.push_back(delayed.top().second);
                delayed.pop();
            }
            while (active.size() < static_cast<std::size_t>(opts_.max_inflight) && !ready.empty() &&
                   (interval.count() == 0 || now >= next_slot)) {
                Job& job = jobs[ready.front()];
                ready.pop_front();
                if (job.json_mode && json_mode_refused(endpoint_)) {
                    job.json_mode = false;
                }
                auto t = start(job, requests[job.index]);
                CURL* e = t->easy;
                active.emplace(e, std::move(t));
                if (interval.count() > 0) {
                    next_slot = std::max(next_slot, now) + interval;
                }
            }
            if (!active.empty()) {
                int running = 0;
                curl_multi_perform(multi_, &running);
                int left = 0;
                while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
                    if (msg->msg != CURLMSG_DONE) {
                        continue;
                    }
                    CURL* e = msg->easy_handle;
                    CURLcode code = msg->data.result;
                    last_reply = Clock::now();
                    curl_multi_remove_handle(multi_, e);
                    auto node = active.extract(e);
                    Transfer& t = *node.mapped();
                    std::size_t i = t.job->index;
                    std::optional<double> again = finish(t, code, results[i]);
                    give_back(e);
                    if (again) {
                        if (*again <= 0) {
                            ready.push_front(i);
                        } else {
                            delayed.emplace(Clock::now() +
                                                std::chrono::duration_cast<Clock::duration>(
                                                    std::chrono::duration<double>(*again)),
                                            i);
                        }
                        continue;
                    }
                    Job& job = jobs[i];
                    results[i].response.seconds = seconds_since(job.first_start);
                    results[i].response.retries = job.tries - 1;
                    if (results[i].ok()) {
                        if (opts_.cache) {
                            opts_.cache->put(job.key, response_to_json(results[i].response));
                        }
                        keep(i);
                    }
                    finished(i);
                }
            }
            if (done == n) {
                break;
            }
            // Sleep in the poll until a socket is ready, a retry is due or a rate slot opens.
            auto wake = Clock::now() + std::chrono::milliseconds(active.empty() ? 1000 : 100);
            if (!delayed.empty()) {
                wake = std::min(wake, delayed.top().first);
            }
            if (!ready.empty() && interval.count() > 0 &&
                active.size() < static_cast<std::size_t>(opts_.max_inflight)) {
                wake = std::min(wake, next_slot);
            }
            if (!ready.empty() && active.size() < static_cast<std::size_t>(opts_.max_inflight) &&
                interval.count() == 0) {
                continue; // a requeued job can start right away
            }
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now());
            int timeout = static_cast<int>(std::max<long long>(0, ms.count()));
            if (timeout > 0 || !active.empty()) {
                curl_multi_poll(multi_, nullptr, 0, timeout, nullptr);
            }
        }
    } catch (...) {
        for (auto& [e, t] : active) {
            curl_multi_remove_handle(multi_, e);
            give_back(e);
        }
        throw;
    }
    return results;
}

} // namespace

void apply_environment(OpenAiOptions& opts) {
    auto env = [](const char* a, const char* b) -> std::string {
        for (const char* name : {a, b}) {
            if (name) {
                if (const char* v = std::getenv(name); v && *v) {
                    return v;
                }
            }
        }
        return {};
    };
    if (opts.base_url.empty()) {
        opts.base_url = env("HLSV_LLM_BASE_URL", "OPENAI_BASE_URL");
    }
    if (opts.model.empty()) {
        opts.model = env("HLSV_LLM_MODEL", nullptr);
    }
    if (opts.api_key.empty()) {
        opts.api_key = env("HLSV_LLM_API_KEY", "OPENAI_API_KEY");
    }
}

std::unique_ptr<Backend> make_openai(const OpenAiOptions& opts) {
    if (opts.base_url.empty()) {
        throw InputError("no LLM endpoint: pass --base-url or set HLSV_LLM_BASE_URL");
    }
    if (opts.base_url.rfind("http://", 0) != 0 && opts.base_url.rfind("https://", 0) != 0) {
        throw InputError("base URL '" + redact(opts.base_url, opts.api_key) +
                         "' must start with http:// or https://");
    }
    if (opts.model.empty()) {
        throw InputError("no LLM model: pass --model or set HLSV_LLM_MODEL");
    }
    if (opts.max_inflight < 1 || opts.max_inflight > 1024) {
        throw InputError("--max-inflight must be between 1 and 1024");
    }
    if (opts.max_retries < 0 || opts.timeout_s <= 0 || opts.connect_timeout_s <= 0 ||
        opts.max_requests_per_s < 0 || opts.backoff_initial_s < 0) {
        throw InputError("LLM client limits must be positive (timeouts, retries, rate)");
    }
    return std::make_unique<OpenAiBackend>(opts);
}

} // namespace hlsv::llm
