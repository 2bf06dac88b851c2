// An OpenAI-compatible /v1/embeddings client: libcurl easy, one sequential request per batch.
// The store caches results by content hash (store.cpp), so this class only talks HTTP.
#include "rag.h"

#include <algorithm>
#include <cstdlib>
#include <curl/curl.h>
#include <nlohmann/json.hpp>

namespace hlsv::rag {

namespace {

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
}

/// Never let a key reach an error message, even when a server echoes it.
std::string redact(std::string text, const std::string& key) {
    if (key.empty()) {
        return text;
    }
    for (std::size_t at; (at = text.find(key)) != std::string::npos;) {
        text.replace(at, key.size(), "***");
    }
    return text;
}

class HttpEmbedder final : public Embedder {
  public:
    explicit HttpEmbedder(HttpEmbedderOptions o) : opts_(std::move(o)) {
        if (opts_.base_url.empty()) {
            throw InputError("embeddings endpoint: no base URL given");
        }
        if (opts_.model.empty()) {
            throw InputError("embeddings endpoint: no model given");
        }
        while (!opts_.base_url.empty() && opts_.base_url.back() == '/') {
            opts_.base_url.pop_back();
        }
        if (opts_.api_key.empty()) {
            for (const char* var : {"HLSV_LLM_API_KEY", "OPENAI_API_KEY"}) {
                if (const char* v = std::getenv(var); v && *v) {
                    opts_.api_key = v;
                    break;
                }
            }
        }
        opts_.batch = std::max(1, opts_.batch);
        curl_global_init(CURL_GLOBAL_DEFAULT);
    }

    std::string id() const override { return "openai/" + opts_.model; }
    int dim() const override { return dim_; }
    bool remote() const override { return true; }

    std::vector<std::vector<float>> embed(const std::vector<std::string>& texts) override {
        std::vector<std::vector<float>> out;
        out.reserve(texts.size());
        for (std::size_t b = 0; b < texts.size(); b += static_cast<std::size_t>(opts_.batch)) {
            std::size_t e = std::min(texts.size(), b + static_cast<std::size_t>(opts_.batch));
            auto part = request(std::vector<std::string>(texts.begin() + static_cast<long>(b),
                                                         texts.begin() + static_cast<long>(e)));
            for (auto& v : part) {
                out.push_back(std::move(v));
            }
        }
        return out;
    }

  private:
    std::vector<std::vector<float>> request(const std::vector<std::string>& texts) {
        const std::string url = opts_.base_url + "/embeddings";
        nlohmann::json body = {{"model", opts_.model}, {"input", texts}};
        std::string payload = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        std::string response;
        std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                 curl_easy_cleanup);
        if (!curl) {
            throw InternalError("cannot initialize libcurl");
        }
        curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
        std::string auth;
        if (!opts_.api_key.empty()) {
            auth = "Authorization: Bearer " + opts_.api_key;
            headers = curl_slist_append(headers, auth.c_str());
        }
        CURL* c = curl.get();
        curl_easy_setopt(c, CURLOPT_URL, url.c_str());
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload.c_str());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size()));
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &response);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(opts_.timeout_s * 1000));
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        CURLcode rc = curl_easy_perform(c);
        curl_slist_free_all(headers);
        if (rc != CURLE_OK) {
            throw InternalError("embeddings endpoint " + url + ": " + curl_easy_strerror(rc));
        }
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        if (status != 200) {
            std::string head = redact(response.substr(0, 200), opts_.api_key);
            std::replace(head.begin(), head.end(), '\n', ' ');
            throw InternalError("embeddings endpoint " + url + ": HTTP " + std::to_string(status) +
                                (head.empty() ? "" : ": " + head));
        }
        return parse(response, texts.size(), url);
    }

    std::vector<std::vector<float>> parse(const std::string& response, std::size_t n,
                                          const std::string& url) {
        std::vector<std::vector<float>> out(n);
        try {
            auto j = nlohmann::json::parse(response);
            const auto& data = j.at("data");
            if (data.size() != n) {
                throw InternalError("embeddings endpoint " + url + ": " +
                                    std::to_string(data.size()) + " vectors for " +
                                    std::to_string(n) + " inputs");
            }
            for (std::size_t i = 0; i < data.size(); ++i) {
                std::size_t at = data[i].value("index", i);
                if (at >= n) {
                    throw InternalError("embeddings endpoint " + url + ": index out of range");
                }
                out[at] = data[i].at("embedding").get<std::vector<float>>();
            }
        } catch (const nlohmann::json::exception& e) {
            throw InternalError("embeddings endpoint " + url + ": malformed reply: " + e.what());
        }
        for (const auto& v : out) {
            if (v.empty() || (dim_ != 0 && static_cast<int>(v.size()) != dim_)) {
                throw InternalError("embeddings endpoint " + url +
                                    ": vectors of inconsistent dimension");
            }
            dim_ = static_cast<int>(v.size());
        }
        return out;
    }

    HttpEmbedderOptions opts_;
    int dim_ = 0;
};

} // namespace

std::unique_ptr<Embedder> make_http_embedder(HttpEmbedderOptions opts) {
    return std::make_unique<HttpEmbedder>(std::move(opts));
}

} // namespace hlsv::rag
