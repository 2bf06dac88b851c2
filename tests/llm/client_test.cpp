// The openai backend against a real HTTP server on 127.0.0.1: request shape, many in flight,
// connection reuse, JSON-mode fallback, rate cap, progress.
#include "llm/llm.h"
#include "loopback_server.h"

#include <chrono>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hlsv::llm {
namespace {

using testing::completion_body;
using testing::HttpReply;
using testing::HttpRequest;
using testing::LoopbackServer;

ChatRequest simple(const std::string& text, int attempt = 0) {
    ChatRequest r;
    r.messages = {{"system", "You inject bugs."}, {"user", text}};
    r.attempt = attempt;
    r.temperature = 0.2;
    return r;
}

OpenAiOptions options_for(const LoopbackServer& s) {
    OpenAiOptions o;
    o.base_url = s.base_url();
    o.model = "test-model";
    o.api_key = "sk-test-SECRET-123";
    o.timeout_s = 5;
    o.connect_timeout_s = 2;
    o.backoff_initial_s = 0.01;
    o.max_retries = 3;
    return o;
}

/// Echoes the last user message back as the reply content.
HttpReply echo(const HttpRequest& req) {
    auto j = nlohmann::json::parse(req.body);
    return {200, completion_body("echo:" + j["messages"].back()["content"].get<std::string>())};
}

TEST(OpenAi, SendsAnOpenAiShapedRequestAndReadsTheReply) {
    LoopbackServer server(echo);
    auto backend = make_openai(options_for(server));
    ChatRequest req = simple("hello");
    req.seed = 42;
    Result r = backend->complete(req);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.response.content, "echo:hello");
    EXPECT_EQ(r.response.model, "test-model");
    EXPECT_EQ(r.response.finish_reason, "stop");
    EXPECT_EQ(r.response.usage.prompt_tokens, 11);
    EXPECT_EQ(r.response.usage.completion_tokens, 7);
    EXPECT_EQ(r.response.usage.total_tokens, 18);
    EXPECT_FALSE(r.response.from_cache);
    EXPECT_EQ(r.response.retries, 0);
    EXPECT_EQ(r.request_hash, request_hash(req));

    auto seen = server.requests();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].method, "POST");
    EXPECT_EQ(seen[0].path, "/v1/chat/completions");
    EXPECT_EQ(seen[0].headers["authorization"], "Bearer sk-test-SECRET-123");
    auto body = nlohmann::json::parse(seen[0].body);
    EXPECT_EQ(body["model"], "test-model");
    EXPECT_EQ(body["messages"].size(), 2u);
    EXPECT_EQ(body["messages"][0]["role"], "system");
    EXPECT_EQ(body["seed"], 42);
    EXPECT_EQ(body["response_format"]["type"], "json_object");
    EXPECT_FALSE(body.contains("attempt")); // client-side only
}

TEST(OpenAi, ManyRequestsInFlightReuseConnectionsAndKeepOrder) {
    LoopbackServer server(echo);
    auto opts = options_for(server);
    opts.max_inflight = 4;
    auto backend = make_openai(opts);
    std::vector<ChatRequest> reqs;
    for (int i = 0; i < 40; ++i) {
        reqs.push_back(simple(std::string("m").append(std::to_string(i))));
    }
    std::vector<std::size_t> progress;
    auto results = backend->complete_all(reqs, [&](std::size_t done, std::size_t total) {
        EXPECT_EQ(total, 40u);
        progress.push_back(done);
    });
    ASSERT_EQ(results.size(), 40u);
    for (int i = 0; i < 40; ++i) {
        ASSERT_TRUE(results[i].ok()) << results[i].message;
        EXPECT_EQ(results[i].response.content, "echo:m" + std::to_string(i));
    }
    ASSERT_EQ(progress.size(), 40u);
    EXPECT_EQ(progress.back(), 40u);
    EXPECT_EQ(server.request_count(), 40);
    EXPECT_LE(server.connections(), 4u); // keep-alive: no connection per request
    // A second batch still reuses the pooled connections.
    backend->complete_all({simple("again")});
    EXPECT_LE(server.connections(), 4u);
}

TEST(OpenAi, FallsBackWhenTheServerRefusesJsonModeAndRemembersIt) {
    LoopbackServer server([](const HttpRequest& req) {
        if (req.body.find("response_format") != std::string::npos) {
            return HttpReply{400, testing::error_body("response_format is not supported")};
        }
        return HttpReply{200, completion_body("{}")};
    });
    auto opts = options_for(server);
    auto backend = make_openai(opts);
    Result r = backend->complete(simple("a"));
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(server.request_count(), 2);
    EXPECT_EQ(r.response.retries, 0); // the resend is not a retry
    // Remembered per endpoint, also by a new backend for the same endpoint.
    auto again = make_openai(opts);
    ASSERT_TRUE(again->complete(simple("b")).ok());
    EXPECT_EQ(server.request_count(), 3);
}

TEST(OpenAi, JsonModeOffSendsNoResponseFormat) {
    LoopbackServer server(echo);
    auto backend = make_openai(options_for(server));
    ChatRequest req = simple("x");
    req.json_mode = false;
    ASSERT_TRUE(backend->complete(req).ok());
    EXPECT_FALSE(nlohmann::json::parse(server.requests().at(0).body).contains("response_format"));
}

TEST(OpenAi, RateCapSpacesRequestStarts) {
    LoopbackServer server(echo);
    auto opts = options_for(server);
    opts.max_requests_per_s = 40; // 10 requests need at least 9 intervals = 0.225 s
    auto backend = make_openai(opts);
    std::vector<ChatRequest> reqs;
    for (int i = 0; i < 10; ++i) {
        reqs.push_back(simple(std::to_string(i)));
    }
    auto t0 = std::chrono::steady_clock::now();
    auto results = backend->complete_all(reqs);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (const auto& r : results) {
        EXPECT_TRUE(r.ok()) << r.message;
    }
    EXPECT_GE(secs, 0.2);
}

TEST(OpenAi, RejectsBadOptions) {
    OpenAiOptions o;
    o.model = "m";
    EXPECT_THROW(make_openai(o), InputError); // no base URL
    o.base_url = "ftp://x";
    EXPECT_THROW(make_openai(o), InputError);
    o.base_url = "http://127.0.0.1:1/v1";
    o.model = "";
    EXPECT_THROW(make_openai(o), InputError);
    o.model = "m";
    o.max_inflight = 0;
    EXPECT_THROW(make_openai(o), InputError);
}

TEST(OpenAi, EnvironmentFillsOnlyWhatIsMissing) {
    ::setenv("HLSV_LLM_BASE_URL", "http://env.example/v1", 1);
    ::setenv("HLSV_LLM_MODEL", "env-model", 1);
    ::unsetenv("HLSV_LLM_API_KEY");
    ::setenv("OPENAI_API_KEY", "sk-fallback", 1);
    OpenAiOptions o;
    o.model = "flag-model";
    apply_environment(o);
    EXPECT_EQ(o.base_url, "http://env.example/v1");
    EXPECT_EQ(o.model, "flag-model");
    EXPECT_EQ(o.api_key, "sk-fallback");
    ::unsetenv("HLSV_LLM_BASE_URL");
    ::unsetenv("HLSV_LLM_MODEL");
    ::unsetenv("OPENAI_API_KEY");
}

TEST(Hashing, AttemptAndParametersChangeTheHashEndpointChangesTheKey) {
    ChatRequest a = simple("p");
    ChatRequest b = simple("p", 1);
    EXPECT_EQ(request_hash(a), request_hash(simple("p")));
    EXPECT_NE(request_hash(a), request_hash(b));
    ChatRequest c = a;
    c.temperature = 0.9;
    EXPECT_NE(request_hash(a), request_hash(c));
    c = a;
    c.seed = 1;
    EXPECT_NE(request_hash(a), request_hash(c));
    EXPECT_NE(cache_key("http://a/v1", "m", a), cache_key("http://b/v1", "m", a));
    EXPECT_NE(cache_key("http://a/v1", "m", a), cache_key("http://a/v1", "n", a));
    EXPECT_EQ(cache_key("http://a/v1", "m", a), cache_key("http://a/v1", "m", a));
}

TEST(Redact, ReplacesEveryOccurrence) {
    EXPECT_EQ(redact("k=abc and abc", "abc"), "k=*** and ***");
    EXPECT_EQ(redact("nothing", ""), "nothing");
}

} // namespace
} // namespace hlsv::llm
