// The response cache: a repeated request is answered with no network, K attempts stay K
// requests, and the file cache survives a restart and a torn line.
#include "llm/llm.h"
#include "loopback_server.h"

#include <chrono>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hlsv::llm {
namespace {

using testing::completion_body;
using testing::HttpReply;
using testing::HttpRequest;
using testing::LoopbackServer;

fs::path temp_path(const std::string& name) {
    auto dir = fs::temp_directory_path() /
               ("hlsv_llm_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir);
    return dir / name;
}

ChatRequest simple(int attempt = 0) {
    ChatRequest r;
    r.messages = {{"user", "inject OOB"}};
    r.attempt = attempt;
    return r;
}

LoopbackServer::Handler counting() {
    return [](const HttpRequest& req) {
        return HttpReply{200, completion_body("reply " + std::to_string(req.index))};
    };
}

TEST(Cache, RepeatedRequestIsAnsweredWithoutNetwork) {
    LoopbackServer server(counting());
    MemoryCache cache;
    OpenAiOptions o;
    o.base_url = server.base_url();
    o.model = "m";
    o.cache = &cache;
    auto backend = make_openai(o);
    Result first = backend->complete(simple());
    ASSERT_TRUE(first.ok()) << first.message;
    Result second = backend->complete(simple());
    ASSERT_TRUE(second.ok());
    EXPECT_TRUE(second.response.from_cache);
    EXPECT_EQ(second.response.content, first.response.content);
    EXPECT_EQ(second.response.usage.total_tokens, first.response.usage.total_tokens);
    EXPECT_EQ(server.request_count(), 1);
    EXPECT_EQ(cache.size(), 1u);
}

TEST(Cache, AttemptsAtOnePromptStayDistinct) {
    LoopbackServer server(counting());
    MemoryCache cache;
    OpenAiOptions o;
    o.base_url = server.base_url();
    o.model = "m";
    o.cache = &cache;
    auto backend = make_openai(o);
    auto results = backend->complete_all({simple(0), simple(1), simple(2)});
    EXPECT_EQ(server.request_count(), 3);
    EXPECT_NE(results[0].response.content, results[1].response.content);
    // All three are cached now.
    backend->complete_all({simple(0), simple(1), simple(2)});
    EXPECT_EQ(server.request_count(), 3);
}

TEST(Cache, FailuresAreNotCached) {
    LoopbackServer server([](const HttpRequest& req) {
        return req.index == 0 ? HttpReply{200, "{not json"} : HttpReply{200, completion_body("ok")};
    });
    MemoryCache cache;
    OpenAiOptions o;
    o.base_url = server.base_url();
    o.model = "m";
    o.cache = &cache;
    auto backend = make_openai(o);
    EXPECT_EQ(backend->complete(simple()).outcome, Outcome::malformed);
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_TRUE(backend->complete(simple()).ok());
    EXPECT_EQ(server.request_count(), 2);
}

TEST(Cache, FileCacheSurvivesReopenAndSkipsATornLine) {
    auto file = temp_path("cache.jsonl");
    fs::remove(file);
    {
        FileCache c(file);
        c.put("k1", response_to_json(ChatResponse{"one", {1, 2, 3}, "m", "stop"}));
        c.put("k2", "v2");
    }
    {
        std::ofstream out(file, std::ios::app);
        out << R"({"key": "k3", "val)"; // a crash mid-write
    }
    FileCache again(file);
    auto v1 = again.get("k1");
    ASSERT_TRUE(v1);
    auto r = response_from_json(*v1);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->content, "one");
    EXPECT_EQ(r->usage.total_tokens, 3);
    EXPECT_EQ(again.get("k2").value_or(""), "v2");
    EXPECT_FALSE(again.get("k3"));
}

TEST(Cache, KeyDoesNotDependOnTheApiKey) {
    // Same endpoint, different keys: the second backend is answered from the cache, and the
    // cache holds no trace of either key.
    LoopbackServer server(counting());
    auto file = temp_path("keyless.jsonl");
    fs::remove(file);
    FileCache cache(file);
    OpenAiOptions o;
    o.base_url = server.base_url();
    o.model = "m";
    o.cache = &cache;
    o.api_key = "sk-AAAA-first";
    ASSERT_TRUE(make_openai(o)->complete(simple()).ok());
    o.api_key = "sk-BBBB-second";
    EXPECT_TRUE(make_openai(o)->complete(simple()).response.from_cache);
    std::string text = read_file(file);
    EXPECT_EQ(text.find("sk-AAAA"), std::string::npos);
    EXPECT_EQ(text.find("sk-BBBB"), std::string::npos);
}

TEST(Cache, UnreadableEntryFallsBackToTheNetwork) {
    LoopbackServer server(counting());
    MemoryCache cache;
    OpenAiOptions o;
    o.base_url = server.base_url();
    o.model = "m";
    o.cache = &cache;
    cache.put(cache_key(o.base_url, o.model, simple()), "garbage");
    Result r = make_openai(o)->complete(simple());
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r.response.from_cache);
    EXPECT_EQ(server.request_count(), 1);
}

} // namespace
} // namespace hlsv::llm
