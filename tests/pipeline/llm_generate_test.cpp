// Issue #7 with an LLM backend: `hlsv generate --backend openai` against a real OpenAI-compatible
// server on 127.0.0.1, recording a cassette; then the same run with `--backend replay` and the
// server gone must produce the same samples from the cassette alone. The API key goes out in the
// Authorization header and is never written to the cassette, the store or the exports.
#include "helpers.h"

#include <gtest/gtest.h>
#include <loopback_chat.h>

namespace hlsv::pipeline::test {
namespace {

const char* k_key = "sk-hlsv-pipeline-secret-456";

/// What the model always answers: one ZERO injection for vec_scale, wrapped in prose and a
/// Markdown fence as models do.
const char* k_reply =
    "The accumulator starts from zero instead of the scaled word:\n```json\n"
    "{\"Error Size\": 1, \"Error Specification\": [{\"Error Type\": \"ZERO\", "
    "\"Original Code\": \"int shift = 2;\", \"Faulty Code\": \"int shift = 0;\", "
    "\"Explanation\": \"acc is set to 0, so every output is only the offset.\"}]}\n```";

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
        hlsv::test::LoopbackChat server(k_reply);
        auto live = run_hlsv(llm_args(dir, "live",
                                      {"--backend", "openai", "--base-url", server.url(), "--model",
                                       "loopback-model", "--record", cassette.string()}),
                             with_key);
        ASSERT_EQ(live.exit, 0) << live.err;
        EXPECT_GE(server.requests(), 1);
        EXPECT_EQ(server.last_auth(), std::string("Bearer ") + k_key);
        EXPECT_NE(server.last_body().find("vec_scale"), std::string::npos)
            << "the design went out in the prompt";
        EXPECT_EQ((live.out + live.err).find(k_key), std::string::npos);
        recorded = sample_keys(dir / "live");
        ASSERT_FALSE(recorded.empty()) << live.out;
        for (const auto& k : recorded) {
            EXPECT_NE(k.find("int shift = 0;"), std::string::npos) << k;
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
