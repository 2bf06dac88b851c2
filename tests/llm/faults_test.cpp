// Fault handling: every way an endpoint can misbehave ends in the right retry or a clear
// verdict, within the timeout, with the API key nowhere in the messages.
#include "llm/llm.h"
#include "loopback_server.h"

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <unistd.h>

namespace hlsv::llm {
namespace {

using testing::completion_body;
using testing::error_body;
using testing::HttpReply;
using testing::HttpRequest;
using testing::LoopbackServer;
using Fault = HttpReply::Fault;

constexpr const char* kKey = "sk-test-FAULTS-987";

ChatRequest simple() {
    ChatRequest r;
    r.messages = {{"user", "inject a bug"}};
    return r;
}

OpenAiOptions options_for(const std::string& url) {
    OpenAiOptions o;
    o.base_url = url;
    o.model = "test-model";
    o.api_key = kKey;
    o.timeout_s = 5;
    o.connect_timeout_s = 2;
    o.backoff_initial_s = 0.01;
    o.backoff_max_s = 5;
    o.max_retries = 3;
    return o;
}

double since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

void expect_clean(const Result& r) {
    EXPECT_EQ(r.message.find(kKey), std::string::npos) << r.message;
    EXPECT_EQ(r.message.find('\n'), std::string::npos) << r.message;
}

/// Answers the first `n` requests with `bad`, the rest normally.
LoopbackServer::Handler first_n(int n, HttpReply bad) {
    return [n, bad](const HttpRequest& req) {
        return req.index < n ? bad : HttpReply{200, completion_body("fine")};
    };
}

TEST(Faults, RateLimitedThenOkHonoursRetryAfter) {
    HttpReply limited{429, error_body("slow down", "rate_limit", "rate_limit_exceeded")};
    limited.headers = {{"Retry-After", "1"}};
    LoopbackServer server(first_n(1, limited));
    auto opts = options_for(server.base_url());
    opts.backoff_initial_s = 0.001; // our own backoff alone would retry almost at once
    auto t0 = std::chrono::steady_clock::now();
    Result r = make_openai(opts)->complete(simple());
    double secs = since(t0);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.response.retries, 1);
    EXPECT_EQ(server.request_count(), 2);
    EXPECT_GE(secs, 0.95);
    EXPECT_LT(secs, 4.0);
}

TEST(Faults, RetryAfterBeyondTheCapGivesUpWithAClearMessage) {
    HttpReply limited{429, error_body("quota")};
    limited.headers = {{"Retry-After", "3600"}};
    LoopbackServer server(first_n(100, limited));
    auto t0 = std::chrono::steady_clock::now();
    Result r = make_openai(options_for(server.base_url()))->complete(simple());
    EXPECT_LT(since(t0), 2.0);
    EXPECT_EQ(r.outcome, Outcome::http_error);
    EXPECT_EQ(r.http_status, 429);
    EXPECT_NE(r.message.find("retry after 3600"), std::string::npos) << r.message;
    expect_clean(r);
}

TEST(Faults, ServerErrorsAreRetriedThenSucceed) {
    LoopbackServer server(first_n(2, HttpReply{500, error_body("boom", "server_error", "x")}));
    Result r = make_openai(options_for(server.base_url()))->complete(simple());
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.response.retries, 2);
    EXPECT_EQ(server.request_count(), 3);
}

TEST(Faults, PersistentServerErrorEndsAsHttpErrorAfterMaxRetries) {
    LoopbackServer server(first_n(100, HttpReply{503, error_body("overloaded")}));
    Result r = make_openai(options_for(server.base_url()))->complete(simple());
    EXPECT_EQ(r.outcome, Outcome::http_error);
    EXPECT_EQ(r.http_status, 503);
    EXPECT_EQ(server.request_count(), 4); // 1 + max_retries
    EXPECT_NE(r.message.find("overloaded"), std::string::npos) << r.message;
    EXPECT_NE(r.message.find("after 4 tries"), std::string::npos) << r.message;
    expect_clean(r);
}

TEST(Faults, ClientErrorIsNotRetriedAndNeverEchoesTheKey) {
    // A server that quotes the key back must not get it into our message.
    LoopbackServer server(first_n(100, HttpReply{401, error_body(std::string("bad key ") + kKey)}));
    Result r = make_openai(options_for(server.base_url()))->complete(simple());
    EXPECT_EQ(r.outcome, Outcome::http_error);
    EXPECT_EQ(r.http_status, 401);
    EXPECT_EQ(server.request_count(), 1);
    EXPECT_NE(r.message.find("HTTP 401"), std::string::npos);
    EXPECT_NE(r.message.find("bad key ***"), std::string::npos) << r.message;
    expect_clean(r);
}

TEST(Faults, StalledBodyTimesOutWithoutHanging) {
    HttpReply stall{200, completion_body("never finished")};
    stall.fault = Fault::stall;
    stall.fault_after = 20;
    LoopbackServer server(first_n(100, stall));
    auto opts = options_for(server.base_url());
    opts.timeout_s = 0.5;
    auto t0 = std::chrono::steady_clock::now();
    Result r = make_openai(opts)->complete(simple());
    double secs = since(t0);
    EXPECT_EQ(r.outcome, Outcome::timeout) << r.message;
    EXPECT_GE(secs, 0.45);
    EXPECT_LT(secs, 3.0);
    EXPECT_NE(r.message.find("timeout"), std::string::npos);
    expect_clean(r);
    server.release_stalls();
}

TEST(Faults, DroppedConnectionIsRetried) {
    HttpReply drop;
    drop.fault = Fault::drop;
    LoopbackServer server(first_n(1, drop));
    Result r = make_openai(options_for(server.base_url()))->complete(simple());
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.response.retries, 1);
    EXPECT_EQ(r.response.content, "fine");
}

TEST(Faults, PersistentlyDroppedConnectionIsANetworkError) {
    HttpReply drop;
    drop.fault = Fault::drop;
    LoopbackServer server(first_n(100, drop));
    Result r = make_openai(options_for(server.base_url()))->complete(simple());
    EXPECT_EQ(r.outcome, Outcome::network);
    EXPECT_EQ(server.request_count(), 4);
    expect_clean(r);
}

TEST(Faults, BodyCutShortOfContentLengthIsRetried) {
    HttpReply cut{200, completion_body("whole")};
    cut.fault = Fault::truncate;
    cut.fault_after = 15;
    LoopbackServer server(first_n(1, cut));
    Result r = make_openai(options_for(server.base_url()))->complete(simple());
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.response.retries, 1);
}

TEST(Faults, TruncatedJsonIsMalformed) {
    std::string body = completion_body("abc");
    body.resize(body.size() / 2); // honest Content-Length, broken JSON
    LoopbackServer server(first_n(100, HttpReply{200, body}));
    Result r = make_openai(options_for(server.base_url()))->complete(simple());
    EXPECT_EQ(r.outcome, Outcome::malformed);
    EXPECT_NE(r.message.find("not valid JSON"), std::string::npos) << r.message;
    EXPECT_EQ(server.request_count(), 1);
    expect_clean(r);
}

TEST(Faults, BodyThatIsNotUtf8IsBadEncodingAndTheMessageIsText) {
    std::string body = completion_body("abc XY def");
    body.replace(body.find("XY"), 2, "\xff\xc3"); // a stray byte and a cut sequence
    LoopbackServer server(first_n(100, HttpReply{200, body}));
    Result r = make_openai(options_for(server.base_url()))->complete(simple());
    EXPECT_EQ(r.outcome, Outcome::bad_encoding);
    EXPECT_EQ(to_string(r.outcome), "reply-encoding");
    EXPECT_FALSE(is_transport_failure(r.outcome));
    EXPECT_NE(r.message.find("byte 0xFF at offset " + std::to_string(body.find('\xff'))),
              std::string::npos)
        << r.message;
    EXPECT_TRUE(is_valid_utf8(r.message)) << "a message must be text, it goes into JSON";
    EXPECT_EQ(server.request_count(), 1);
    expect_clean(r);
    // Not JSON and not UTF-8 either: still no raw bytes in the message.
    LoopbackServer err(first_n(100, HttpReply{500, "\xfe\xff oops"}));
    auto o = options_for(err.base_url());
    o.max_retries = 0;
    Result e = make_openai(o)->complete(simple());
    EXPECT_EQ(e.outcome, Outcome::http_error);
    EXPECT_TRUE(is_transport_failure(e.outcome));
    EXPECT_TRUE(is_valid_utf8(e.message)) << e.message;
}

TEST(Faults, WrongSchemaIsMalformed) {
    LoopbackServer server(first_n(100, HttpReply{200, R"({"id": "x", "result": "hello"})"}));
    Result r = make_openai(options_for(server.base_url()))->complete(simple());
    EXPECT_EQ(r.outcome, Outcome::malformed);
    EXPECT_NE(r.message.find("choices"), std::string::npos) << r.message;
}

TEST(Faults, EmptyChoicesIsMalformed) {
    LoopbackServer server(first_n(
        100, HttpReply{200, R"({"id":"x","object":"chat.completion","model":"m","choices":[]})"}));
    Result r = make_openai(options_for(server.base_url()))->complete(simple());
    EXPECT_EQ(r.outcome, Outcome::malformed);
    EXPECT_NE(r.message.find("empty"), std::string::npos) << r.message;
}

TEST(Faults, NullContentIsMalformed) {
    LoopbackServer server(first_n(
        100,
        HttpReply{200,
                  R"({"choices":[{"index":0,"message":{"role":"assistant","content":null}}]})"}));
    Result r = make_openai(options_for(server.base_url()))->complete(simple());
    EXPECT_EQ(r.outcome, Outcome::malformed);
}

TEST(Faults, HugeBodyIsRefusedPastTheLimit) {
    LoopbackServer server(first_n(100, HttpReply{200, completion_body(std::string(3 << 20, 'x'))}));
    auto opts = options_for(server.base_url());
    opts.max_body_bytes = 1 << 20;
    Result r = make_openai(opts)->complete(simple());
    EXPECT_EQ(r.outcome, Outcome::malformed);
    EXPECT_NE(r.message.find("exceeds"), std::string::npos) << r.message;
    // Within the limit the same body is fine.
    opts.max_body_bytes = 8 << 20;
    EXPECT_TRUE(make_openai(opts)->complete(simple()).ok());
}

TEST(Faults, ConnectionRefusedIsAOneLineNetworkError) {
    // Reserve a port, then close it so nothing listens there.
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    int port = ntohs(addr.sin_port);
    ::close(fd);
    auto opts = options_for("http://127.0.0.1:" + std::to_string(port) + "/v1");
    opts.max_retries = 1;
    Result r = make_openai(opts)->complete(simple());
    EXPECT_EQ(r.outcome, Outcome::network);
    EXPECT_NE(r.message.find("127.0.0.1"), std::string::npos) << r.message;
    expect_clean(r);
}

TEST(Faults, DnsFailureIsAOneLineNetworkErrorWithoutRetries) {
    auto opts = options_for("http://no-such-host.invalid/v1");
    auto t0 = std::chrono::steady_clock::now();
    Result r = make_openai(opts)->complete(simple());
    EXPECT_EQ(r.outcome, Outcome::network);
    EXPECT_LT(since(t0), 4.0);
    EXPECT_NE(r.message.find("no-such-host.invalid"), std::string::npos) << r.message;
    expect_clean(r);
}

TEST(Faults, OneBadRequestInABatchDoesNotSpoilTheOthers) {
    LoopbackServer server([](const HttpRequest& req) {
        auto j = nlohmann::json::parse(req.body);
        std::string text = j["messages"].back()["content"];
        if (text == "bad") {
            return HttpReply{400, error_body("nope")};
        }
        return HttpReply{200, completion_body(text)};
    });
    std::vector<ChatRequest> reqs(5, simple());
    reqs[2].messages.back().content = "bad";
    for (int i : {0, 1, 3, 4}) {
        reqs[i].messages.back().content = "ok" + std::to_string(i);
    }
    auto results = make_openai(options_for(server.base_url()))->complete_all(reqs);
    for (int i : {0, 1, 3, 4}) {
        ASSERT_TRUE(results[i].ok()) << results[i].message;
        EXPECT_EQ(results[i].response.content, "ok" + std::to_string(i));
    }
    EXPECT_EQ(results[2].outcome, Outcome::http_error);
}

} // namespace
} // namespace hlsv::llm
