// Issue #7 with an LLM backend: `hlsv generate --backend openai` against a real OpenAI-compatible
// server on 127.0.0.1, recording a cassette; then the same run with `--backend replay` and the
// server gone must produce the same samples from the cassette alone. The API key goes out in the
// Authorization header and is never written to the cassette, the store or the exports.
#include "helpers.h"

#include <atomic>
#include <gtest/gtest.h>
#include <httplib.h>
#include <mutex>
#include <thread>

namespace hlsv::pipeline::test {
namespace {

const char* k_key = "sk-hlsv-pipeline-secret-456";

/// A chat server whose model always answers one ZERO injection for vec_scale, wrapped in prose
/// and a Markdown fence as models do.
class ChatServer {
  public:
    ChatServer() {
        server_.Post("/v1/chat/completions",
                     [this](const httplib::Request& req, httplib::Response& res) {
                         ++requests_;
                         {
                             std::lock_guard l(m_);
                             auth_ = req.get_header_value("Authorization");
                             last_body_ = req.body;
                         }
                         res.set_content(reply().dump(), "application/json");
                     });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    ~ChatServer() { stop(); }
    void stop() {
        if (thread_.joinable()) {
            server_.stop();
            thread_.join();
        }
    }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }
    int requests() const { return requests_.load(); }
    std::string auth() {
        std::lock_guard l(m_);
        return auth_;
    }
    std::string last_body() {
        std::lock_guard l(m_);
        return last_body_;
    }

  private:
    static json reply() {
        std::string content =
            "The accumulator starts from zero instead of the scaled word:\n```json\n"
            "{\"Error Size\": 1, \"Error Specification\": [{\"Error Type\": \"ZERO\", "
            "\"Original Code\": \"int acc = buf[i] * gain;\", \"Faulty Code\": \"int acc = 0;\", "
            "\"Explanation\": \"acc is set to 0, so every output is only the offset.\"}]}\n```";
        return {
            {"id", "chatcmpl-1"},
            {"object", "chat.completion"},
            {"created", 1},
            {"model", "loopback-model"},
            {"choices",
             {{{"index", 0},
               {"message", {{"role", "assistant"}, {"content", content}}},
               {"finish_reason", "stop"}}}},
            {"usage", {{"prompt_tokens", 10}, {"completion_tokens", 10}, {"total_tokens", 20}}}};
    }

    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::atomic<int> requests_{0};
    std::mutex m_;
    std::string auth_, last_body_;
};

std::vector<std::string> llm_args(const TempDir& dir, const std::string& tag,
                                  const std::vector<std::string>& backend) {
    auto a = generate_args({(fixtures() / "tiny" / "vec_scale").string()}, dir / (tag + ".db"),
                           dir / tag, "ZERO");
    a.insert(a.end(), backend.begin(), backend.end());
    return a;
}

/// The fields of a sample that depend only on what the model answered, not on the run.
std::multiset<std::string> sample_keys(const fs::path& out) {
    std::multiset<std::string> keys;
    for (const auto& s : read_jsonl(out / "samples.jsonl")) {
        keys.insert(s["design"].get<std::string>() + "|" + s["bug_types"].dump() + "|" +
                    s["buggy_code"].get<std::string>());
    }
    return keys;
}

TEST(LlmGenerate, OpenAiRunRecordsACassetteThatReplaysTheSameSamplesOffline) {
    TempDir dir;
    fs::path cassette = dir / "cassette.jsonl";
    SpawnOptions with_key;
    with_key.env["HLSV_LLM_API_KEY"] = k_key;

    std::multiset<std::string> recorded;
    {
        ChatServer server;
        auto live = run_hlsv(llm_args(dir, "live",
                                      {"--backend", "openai", "--base-url", server.base_url(),
                                       "--model", "loopback-model", "--record", cassette.string()}),
                             with_key);
        ASSERT_EQ(live.exit, 0) << live.err;
        EXPECT_GE(server.requests(), 1);
        EXPECT_EQ(server.auth(), std::string("Bearer ") + k_key);
        EXPECT_NE(server.last_body().find("vec_scale"), std::string::npos)
            << "the design went out in the prompt";
        EXPECT_EQ((live.out + live.err).find(k_key), std::string::npos);
        recorded = sample_keys(dir / "live");
        ASSERT_FALSE(recorded.empty()) << live.out;
        for (const auto& k : recorded) {
            EXPECT_NE(k.find("int acc = 0;"), std::string::npos) << k;
            EXPECT_NE(k.find("[\"ZERO\"]"), std::string::npos) << k;
        }
    } // the server is gone from here on

    auto replay =
        run_hlsv(llm_args(dir, "replay", {"--backend", "replay", "--cassette", cassette.string()}));
    ASSERT_EQ(replay.exit, 0) << replay.err;
    EXPECT_EQ(sample_keys(dir / "replay"), recorded);

    for (const auto& [name, text] : tree(dir.path())) {
        EXPECT_EQ(text.find(k_key), std::string::npos) << name << " holds the API key";
    }
}

} // namespace
} // namespace hlsv::pipeline::test
