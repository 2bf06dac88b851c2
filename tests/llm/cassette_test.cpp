// Cassettes: --record writes one flushed line per reply; replay answers the same requests with
// no server; an unknown request names its hash; the key never reaches the file.
#include "llm/llm.h"
#include "loopback_server.h"

#include <fstream>
#include <gtest/gtest.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace hlsv::llm {
namespace {

using testing::completion_body;
using testing::HttpReply;
using testing::HttpRequest;
using testing::LoopbackServer;

constexpr const char* kKey = "sk-CASSETTE-secret-42";

fs::path temp_path(const std::string& name) {
    auto dir = fs::temp_directory_path() /
               ("hlsv_llm_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir);
    return dir / name;
}

ChatRequest ask(const std::string& text, int attempt = 0) {
    ChatRequest r;
    r.messages = {{"system", "sys"}, {"user", text}};
    r.attempt = attempt;
    return r;
}

TEST(Cassette, RecordThenReplayWithoutAServer) {
    auto file = temp_path("run.jsonl");
    fs::remove(file);
    std::vector<ChatRequest> reqs = {ask("a"), ask("b"), ask("a", 1)};
    std::vector<Result> recorded;
    {
        LoopbackServer server([](const HttpRequest& req) {
            return HttpReply{200,
                             completion_body(std::string("r").append(std::to_string(req.index)))};
        });
        OpenAiOptions o;
        o.base_url = server.base_url();
        o.model = "m";
        o.api_key = kKey;
        o.record = file;
        recorded = make_openai(o)->complete_all(reqs);
    } // server gone
    std::string text = read_file(file);
    EXPECT_EQ(text.find(kKey), std::string::npos);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
    auto first = nlohmann::json::parse(text.substr(0, text.find('\n')));
    EXPECT_TRUE(first.contains("hash"));
    EXPECT_TRUE(first["request"].contains("messages"));
    EXPECT_TRUE(first["response"].contains("usage"));

    auto replay = make_replay(file);
    auto replayed = replay->complete_all(reqs);
    for (std::size_t i = 0; i < reqs.size(); ++i) {
        ASSERT_TRUE(replayed[i].ok()) << replayed[i].message;
        EXPECT_EQ(replayed[i].response.content, recorded[i].response.content);
        EXPECT_EQ(replayed[i].response.usage.total_tokens, recorded[i].response.usage.total_tokens);
    }
}

TEST(Cassette, UnknownRequestNamesItsHash) {
    auto file = temp_path("one.jsonl");
    fs::remove(file);
    {
        std::ofstream out(file);
        nlohmann::json line = {{"hash", request_hash(ask("known"))},
                               {"request", nlohmann::json::parse(canonical_request(ask("known")))},
                               {"response", {{"content", "hi"}}}};
        out << line.dump() << "\n";
    }
    auto replay = make_replay(file);
    EXPECT_TRUE(replay->complete(ask("known")).ok());
    Result r = replay->complete(ask("unknown"));
    EXPECT_EQ(r.outcome, Outcome::not_recorded);
    EXPECT_NE(r.message.find(request_hash(ask("unknown"))), std::string::npos) << r.message;
    EXPECT_NE(r.message.find("one.jsonl"), std::string::npos);
}

TEST(Cassette, MalformedLineIsAnInputErrorNamingFileAndLine) {
    auto file = temp_path("bad.jsonl");
    {
        std::ofstream out(file);
        out << R"({"hash": "h1", "response": {"content": "x"}})"
            << "\n";
        out << "this is not json\n";
        out << R"({"hash": "h3", "response": {"content": "y"}})"
            << "\n";
    }
    try {
        make_replay(file);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("bad.jsonl:2"), std::string::npos) << e.what();
    }
    EXPECT_THROW(make_replay(temp_path("missing.jsonl")), InputError);
}

TEST(Cassette, TornLastLineIsSkipped) {
    auto file = temp_path("torn.jsonl");
    {
        std::ofstream out(file);
        out << R"({"hash": "h1", "response": {"content": "x"}})"
            << "\n";
        out << R"({"hash": "h2", "respo)";
    }
    EXPECT_NO_THROW(make_replay(file));
}

TEST(Cassette, CacheHitsAreRecordedToo) {
    // A run served partly from the cache must still yield a complete cassette.
    auto file = temp_path("hits.jsonl");
    fs::remove(file);
    LoopbackServer server([](const HttpRequest&) { return HttpReply{200, completion_body("c")}; });
    MemoryCache cache;
    OpenAiOptions o;
    o.base_url = server.base_url();
    o.model = "m";
    o.cache = &cache;
    ASSERT_TRUE(make_openai(o)->complete(ask("x")).ok());
    o.record = file;
    EXPECT_TRUE(make_openai(o)->complete(ask("x")).response.from_cache);
    EXPECT_TRUE(make_replay(file)->complete(ask("x")).ok());
}

TEST(Secrets, KeyAppearsInNoOutputEvenVerbose) {
    auto cassette = temp_path("secret.jsonl");
    auto cache_file = temp_path("secret_cache.jsonl");
    fs::remove(cassette);
    fs::remove(cache_file);
    LoopbackServer server([](const HttpRequest& req) {
        if (req.index == 0) {
            return HttpReply{500, testing::error_body(std::string("key was ") + kKey)};
        }
        if (req.index == 1) {
            return HttpReply{400, testing::error_body("response_format unsupported")};
        }
        return HttpReply{200, completion_body(std::string("fine"))};
    });
    set_verbosity(Verbosity::verbose);
    std::stringstream captured;
    auto* old = std::cerr.rdbuf(captured.rdbuf());
    ::testing::internal::CaptureStderr();
    FileCache cache(cache_file);
    OpenAiOptions o;
    o.base_url = server.base_url();
    o.model = "m";
    o.api_key = kKey;
    o.cache = &cache;
    o.record = cassette;
    o.backoff_initial_s = 0.01;
    auto backend = make_openai(o);
    Result r = backend->complete(ask("x"));
    std::string err = ::testing::internal::GetCapturedStderr();
    std::cerr.rdbuf(old);
    set_verbosity(Verbosity::normal);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.response.retries, 1);
    std::string all = err + captured.str() + r.message + backend->describe() + read_file(cassette) +
                      read_file(cache_file);
    EXPECT_NE(all.find("response_format"), std::string::npos); // verbose log did say something
    EXPECT_EQ(all.find(kKey), std::string::npos);
}

} // namespace
} // namespace hlsv::llm

namespace hlsv::llm {
namespace {

TEST(MakeBackend, ChoosesByKindAndRejectsBadConfigs) {
    BackendConfig c;
    c.kind = "replay";
    EXPECT_THROW(make_backend(c), InputError); // no cassette
    c.kind = "magic";
    EXPECT_THROW(make_backend(c), InputError);
    auto file = temp_path("kind.jsonl");
    {
        std::ofstream out(file);
        out << R"({"hash": "h", "response": {"content": "x"}})"
            << "\n";
    }
    c.kind = "replay";
    c.cassette = file;
    EXPECT_NE(make_backend(c)->describe().find("replay"), std::string::npos);
    c.kind = "openai";
    c.base_url = "http://127.0.0.1:9/v1";
    c.model = "m";
    EXPECT_NE(make_backend(c)->describe().find("openai http://127.0.0.1:9/v1 model=m"),
              std::string::npos);
}

} // namespace
} // namespace hlsv::llm
