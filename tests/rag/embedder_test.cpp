// The built-in code vectorizer, and the /v1/embeddings client against a loopback server.
#include "helpers.h"

#include <atomic>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <thread>

namespace hlsv::rag {
namespace {

using test::TempDir;

float cosine(std::vector<float> a, std::vector<float> b) {
    normalize(a);
    normalize(b);
    float s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        s += a[i] * b[i];
    }
    return s;
}

const char* k_fir = R"(
void fir(int in[64], int out[64]) {
#pragma HLS PIPELINE II=1
    int taps[8];
#pragma HLS ARRAY_PARTITION variable=taps type=complete dim=1
    for (int n = 0; n < 64; n++) {
        for (int t = 7; t > 0; t--) { taps[t] = taps[t - 1]; }
        out[n] = taps[0] * in[n];
    }
})";

TEST(CodeEmbedder, IsDeterministicWithStableId) {
    auto e = make_code_embedder(512);
    EXPECT_EQ(e->id(), "hlsv-code-v1/512");
    EXPECT_EQ(e->dim(), 512);
    EXPECT_TRUE(e->corpus_weighted());
    auto a = e->embed({k_fir, k_fir});
    ASSERT_EQ(a.size(), 2u);
    ASSERT_EQ(a[0].size(), 512u);
    EXPECT_EQ(a[0], a[1]);
    EXPECT_EQ(make_code_embedder(512)->embed({k_fir})[0], a[0]);
}

TEST(CodeEmbedder, SimilarCodeScoresHigherThanUnrelatedCode) {
    auto e = make_code_embedder(512);
    std::string renamed = k_fir;
    for (auto [from, to] : {std::pair{"taps", "shiftReg"}, std::pair{"fir", "filter_block"}}) {
        for (std::size_t at; (at = renamed.find(from)) != std::string::npos;) {
            renamed.replace(at, std::strlen(from), to);
        }
    }
    const char* unrelated = R"(
#include <string>
struct Config { std::string name; bool verbose = false; };
std::string greet(const Config& c) { return c.verbose ? "hello, " + c.name : c.name; })";
    auto v = e->embed({k_fir, renamed, unrelated});
    EXPECT_GT(cosine(v[0], v[1]), cosine(v[0], v[2]) + 0.2f);
}

TEST(CodeEmbedder, PragmaOptionsAndIdentifierSubTokensAreFeatures) {
    auto e = make_code_embedder(512);
    std::string a =
        "void f(int x[8]) {\n#pragma HLS ARRAY_PARTITION variable=x type=cyclic factor=2\n}";
    std::string b =
        "void f(int x[8]) {\n#pragma HLS ARRAY_PARTITION variable=x type=block factor=2\n}";
    EXPECT_NE(e->embed({a})[0], e->embed({b})[0]);
    // camelCase and snake_case spellings share sub-tokens.
    auto v = e->embed({"int lineBuffer;", "int line_buffer;", "int zzz;"});
    EXPECT_GT(cosine(v[0], v[1]), cosine(v[0], v[2]));
}

TEST(CodeEmbedder, SurvivesBrokenAndEmptyCode) {
    auto e = make_code_embedder(64);
    auto v = e->embed({"", "for (int i = 0; i < ; ) {{{{", std::string(3, '\0')});
    EXPECT_EQ(v.size(), 3u);
    for (const auto& x : v) {
        EXPECT_EQ(x.size(), 64u);
    }
}

/// A loopback /v1/embeddings server: each vector is (length, count of 'a', 1).
class FakeEndpoint {
  public:
    explicit FakeEndpoint(int status = 200) {
        server_.Post(
            "/v1/embeddings", [this, status](const httplib::Request& req, httplib::Response& res) {
                ++requests;
                auth = req.get_header_value("Authorization");
                if (status != 200) {
                    res.status = status;
                    res.set_content("upstream failure for " + auth, "text/plain");
                    return;
                }
                auto j = nlohmann::json::parse(req.body);
                nlohmann::json data = nlohmann::json::array();
                int i = 0;
                for (const auto& t : j.at("input")) {
                    std::string s = t.get<std::string>();
                    float as = static_cast<float>(std::count(s.begin(), s.end(), 'a'));
                    data.push_back(
                        {{"index", i++}, {"embedding", {static_cast<float>(s.size()), as, 1.0f}}});
                    ++inputs;
                }
                res.set_content(nlohmann::json{{"data", data}}.dump(), "application/json");
            });
        port_ = server_.bind_to_any_port("127.0.0.1");
        // bind_to_any_port already listens: requests queue until the loop accepts them.
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    ~FakeEndpoint() {
        server_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }
    std::atomic<int> requests{0};
    std::atomic<int> inputs{0};
    std::string auth;

  private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
};

TEST(HttpEmbedder, BatchesSequentiallyAndSendsTheKey) {
    FakeEndpoint ep;
    HttpEmbedderOptions o;
    o.base_url = ep.url();
    o.model = "tiny";
    o.api_key = "sk-test-secret";
    o.batch = 2;
    auto e = make_http_embedder(o);
    EXPECT_EQ(e->id(), "openai/tiny");
    auto v = e->embed({"a", "aa", "b", "aaa", "c"});
    ASSERT_EQ(v.size(), 5u);
    EXPECT_EQ(ep.requests.load(), 3);
    EXPECT_EQ(v[3], (std::vector<float>{3, 3, 1}));
    EXPECT_EQ(e->dim(), 3);
    EXPECT_EQ(ep.auth, "Bearer sk-test-secret");
}

TEST(HttpEmbedder, HttpErrorIsOneLineWithoutTheKey) {
    FakeEndpoint ep(500);
    HttpEmbedderOptions o;
    o.base_url = ep.url();
    o.model = "tiny";
    o.api_key = "sk-test-secret";
    auto e = make_http_embedder(o);
    try {
        e->embed({"x"});
        FAIL() << "expected an error";
    } catch (const InternalError& err) {
        std::string msg = err.what();
        EXPECT_NE(msg.find("HTTP 500"), std::string::npos) << msg;
        EXPECT_EQ(msg.find("sk-test-secret"), std::string::npos) << msg;
        EXPECT_EQ(msg.find('\n'), std::string::npos);
    }
}

TEST(HttpEmbedder, UnreachableEndpointIsAnError) {
    HttpEmbedderOptions o;
    o.base_url = "http://127.0.0.1:1/v1";
    o.model = "tiny";
    o.timeout_s = 5;
    EXPECT_THROW(make_http_embedder(o)->embed({"x"}), InternalError);
}

TEST(HttpEmbedder, StoreCachesVectorsByContentHash) {
    FakeEndpoint ep;
    TempDir tmp;
    auto open = [&] {
        HttpEmbedderOptions o;
        o.base_url = ep.url();
        o.model = "tiny";
        StoreOptions so;
        so.seed_dir = test::seed_dir();
        so.embedder = make_http_embedder(o);
        return Store::open(tmp / "s.db", so);
    };
    {
        auto store = open();
        EXPECT_GT(ep.inputs.load(), 0);
        auto picks = store.query_mmr(test::design_source(1), {"OOB"}, {3, 20, 0.5});
        EXPECT_EQ(picks.size(), 3u);
        EXPECT_EQ(store.stats().embedders.count("openai/tiny"), 1u);
    }
    int before = ep.inputs.load();
    auto store = open();
    auto again = store.query_mmr(test::design_source(1), {"OOB"}, {3, 20, 0.5});
    EXPECT_EQ(again.size(), 3u);
    EXPECT_EQ(ep.inputs.load(), before); // everything came from the cache
}

} // namespace
} // namespace hlsv::rag
