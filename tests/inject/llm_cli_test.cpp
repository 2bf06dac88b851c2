// `hlsv inject --backend openai` against a real OpenAI-compatible server on 127.0.0.1: the prompt
// goes out with the design in it, the reply's injection (wrapped in Markdown, as models do) is
// extracted, checked, applied and written; the API key is sent but never written anywhere.
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <httplib.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
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
    httplib::Server server;
    std::mutex m;
    std::string seen_auth, seen_prompt;
    std::atomic<int> requests{0};
    server.Post("/v1/chat/completions", [&](const httplib::Request& req, httplib::Response& res) {
        ++requests;
        {
            std::lock_guard l(m);
            seen_auth = req.get_header_value("Authorization");
            seen_prompt = req.body;
        }
        std::string content = "Here is the bug:\n```json\n{\"Error Size\": 1, \"Error "
                              "Specification\": [{\"Error Type\": "
                              "\"OOB\", \"Original Code\": \"if (i < LEN - 1) {\", \"Faulty "
                              "Code\": \"if (i < LEN) {\"}]}\n```";
        nlohmann::json reply = {
            {"id", "x"},
            {"object", "chat.completion"},
            {"created", 1},
            {"model", "m"},
            {"choices",
             {{{"index", 0},
               {"message", {{"role", "assistant"}, {"content", content}}},
               {"finish_reason", "stop"}}}},
            {"usage", {{"prompt_tokens", 1}, {"completion_tokens", 1}, {"total_tokens", 2}}}};
        res.set_content(reply.dump(), "application/json");
    });
    int port = server.bind_to_any_port("127.0.0.1");
    std::thread t([&] { server.listen_after_bind(); });

    fs::path out = fs::temp_directory_path() / ("hlsv_inject_openai_" + std::to_string(::getpid()));
    fs::remove_all(out);
    std::string cmd = std::string("HLSV_LLM_API_KEY=") + k_key + " " + HLSV_BIN + " inject " +
                      k_design.string() + " --bug OOB --backend openai --model m --base-url " +
                      "http://127.0.0.1:" + std::to_string(port) + "/v1 --record " +
                      (out.string() + ".cassette") + " -o " + out.string() + " > " +
                      (out.string() + ".stdout") + " 2> " + (out.string() + ".stderr");
    int rc = std::system(cmd.c_str());
    server.stop();
    t.join();

    EXPECT_EQ(WEXITSTATUS(rc), 0) << slurp(out.string() + ".stderr");
    EXPECT_GE(requests.load(), 1);
    EXPECT_EQ(seen_auth, std::string("Bearer ") + k_key);
    EXPECT_NE(seen_prompt.find("saturate_sum"), std::string::npos); // the design went out
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
