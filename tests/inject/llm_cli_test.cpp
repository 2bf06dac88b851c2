// `hlsv inject --backend openai` against a real OpenAI-compatible server on 127.0.0.1: the prompt
// goes out with the design in it, the reply's injection (wrapped in Markdown, as models do) is
// extracted, checked, applied and written; the API key is sent but never written anywhere.
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <loopback_chat.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const fs::path k_design = fs::path(HLSV_TEST_FIXTURES) / "assist" / "saturate_sum";
const char* k_key = "sk-hlsv-test-secret-123";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(InjectOpenAi, ReplyIsExtractedCheckedAppliedAndWritten) {
    hlsv::test::LoopbackChat server(
        "Here is the bug:\n```json\n{\"Error Size\": 1, \"Error Specification\": [{\"Error Type\": "
        "\"OOB\", \"Original Code\": \"if (i < LEN - 1) {\", \"Faulty Code\": \"if (i < LEN) "
        "{\"}]}\n```");

    fs::path out = fs::temp_directory_path() / ("hlsv_inject_openai_" + std::to_string(::getpid()));
    fs::remove_all(out);
    std::string cmd = std::string("HLSV_LLM_API_KEY=") + k_key + " " + HLSV_BIN + " inject " +
                      k_design.string() + " --bug OOB --backend openai --model m --base-url " +
                      server.url() + " --record " + (out.string() + ".cassette") + " -o " +
                      out.string() + " > " + (out.string() + ".stdout") + " 2> " +
                      (out.string() + ".stderr");
    int rc = std::system(cmd.c_str());
    server.stop();

    EXPECT_EQ(WEXITSTATUS(rc), 0) << slurp(out.string() + ".stderr");
    EXPECT_GE(server.requests(), 1);
    EXPECT_EQ(server.last_auth(), std::string("Bearer ") + k_key);
    EXPECT_NE(server.last_body().find("saturate_sum"), std::string::npos); // the design went out
    std::string bug = slurp(out / "bug_OOB.txt");
    EXPECT_NE(bug.find("\"Faulty Code\": \"if (i < LEN) {\""), std::string::npos) << bug;
    EXPECT_NE(slurp(out / "saturate_sum.cpp").find("if (i < LEN) {"), std::string::npos);
    for (const auto& f : {out / "bug_OOB.txt", out / "saturate_sum.cpp",
                          fs::path(out.string() + ".stdout"), fs::path(out.string() + ".stderr")}) {
        EXPECT_EQ(slurp(f).find(k_key), std::string::npos) << f;
    }
    // Replay from the recorded cassette with the server gone: the same bug file comes back.
    fs::path again = out.string() + ".replay";
    std::string replay = std::string(HLSV_BIN) + " inject " + k_design.string() +
                         " --bug OOB --backend replay --cassette " + out.string() +
                         ".cassette -o " + again.string() + " > /dev/null 2> " +
                         (out.string() + ".stderr");
    rc = std::system(replay.c_str());
    EXPECT_EQ(WEXITSTATUS(rc), 0) << slurp(out.string() + ".stderr");
    EXPECT_EQ(slurp(again / "bug_OOB.txt"), bug);
    EXPECT_EQ(slurp(out.string() + ".cassette").find(k_key), std::string::npos);
    fs::remove_all(again);
    fs::remove(out.string() + ".cassette");
    fs::remove_all(out);
    fs::remove(out.string() + ".stdout");
    fs::remove(out.string() + ".stderr");
}

} // namespace
