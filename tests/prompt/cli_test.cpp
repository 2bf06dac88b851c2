// `hlsv prompt` end to end: printed messages, input errors, and --send through a replay
// cassette with a repair round.
#include "llm/llm.h"
#include "prompt/prompt.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace hlsv::prompt {
namespace {

struct CmdRun {
    int code = -1;
    std::string out;
    std::string err;
};

fs::path temp_dir() {
    auto dir = fs::temp_directory_path() /
               ("hlsv_prompt_cli_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir);
    return dir;
}

CmdRun hlsv(const std::string& args) {
    fs::path err = temp_dir() / "stderr.txt";
    std::string cmd = std::string(HLSV_BIN) + " " + args + " 2>" + err.string();
    CmdRun r;
    FILE* p = ::popen(cmd.c_str(), "r");
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) {
        r.out.append(buf.data(), n);
    }
    int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_file(err);
    return r;
}

const std::string kDesign = std::string(HLSV_FIXTURES) + "/vadd";

TEST(PromptCli, PrintsTheMessagesAsJson) {
    CmdRun r = hlsv("prompt " + kDesign + " --bug OOB --no-rag --format json");
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["role"], "system");
    std::string user = j[1]["content"];
    EXPECT_NE(user.find("out[i] = a[i] + b[i];"), std::string::npos);
    EXPECT_NE(user.find("`vadd`"), std::string::npos);
    EXPECT_NE(r.err.find("no retrieved examples"), std::string::npos) << "says so on stderr";
}

TEST(PromptCli, TextFormatAndStrategyOverride) {
    CmdRun cot = hlsv("prompt " + kDesign + " --bug OOB,APT --no-rag --strategy icl-rag-cot");
    CmdRun rag = hlsv("prompt " + kDesign + " --bug OOB,APT --no-rag --strategy rag-icl");
    ASSERT_EQ(cot.code, 0) << cot.err;
    ASSERT_EQ(rag.code, 0) << rag.err;
    EXPECT_NE(cot.out.find("=== system ==="), std::string::npos);
    EXPECT_NE(cot.out.find("Think through these steps"), std::string::npos);
    EXPECT_EQ(rag.out.find("Think through these steps"), std::string::npos);
    EXPECT_NE(cot.out.find("\"Error Size\": 2"), std::string::npos);
}

TEST(PromptCli, BadInputIsAOneLineErrorWithExitTwo) {
    CmdRun unknown = hlsv("prompt " + kDesign + " --bug NOPE --no-rag");
    EXPECT_EQ(unknown.code, 2);
    EXPECT_NE(unknown.err.find("unknown bug type 'NOPE'"), std::string::npos) << unknown.err;
    CmdRun missing = hlsv("prompt /nonexistent/design --bug OOB --no-rag");
    EXPECT_EQ(missing.code, 2);
    EXPECT_NE(missing.err.find("/nonexistent/design"), std::string::npos) << missing.err;
    CmdRun no_cassette = hlsv("prompt " + kDesign + " --bug OOB --no-rag --send --backend replay");
    EXPECT_EQ(no_cassette.code, 2);
    EXPECT_NE(no_cassette.err.find("--cassette"), std::string::npos) << no_cassette.err;
}

/// Writes a cassette answering the first request with `first` and its repair with `second`.
fs::path cassette(const std::string& first, const std::string& second) {
    CmdRun printed = hlsv("prompt " + kDesign + " --bug OOB --no-rag --format json");
    std::vector<llm::Message> msgs;
    for (const auto& m : nlohmann::json::parse(printed.out)) {
        msgs.push_back({m["role"], m["content"]});
    }
    llm::ChatRequest req; // the command's defaults: temperature 0.7, seed 0, attempt 0
    req.temperature = 0.7;
    req.seed = 0;
    req.messages = msgs;
    fs::path file = temp_dir() / "cassette.jsonl";
    std::ofstream out(file);
    auto line = [&](const llm::ChatRequest& r, const std::string& content) {
        out << nlohmann::json{{"hash", llm::request_hash(r)},
                              {"response", {{"content", content}, {"model", "recorded"}}}}
                   .dump()
            << "\n";
    };
    line(req, first);
    auto ex = extract_injection(first);
    std::string reason =
        ex.ok() ? "entry 1 (OOB): Original Code not found in the design" : ex.reason;
    req.messages = repair_messages(msgs, first, reason);
    line(req, second);
    return file;
}

const std::string kGood =
    R"(Here it is: {"Error Size": 1, "Error Specification": [{"Error Type": "OOB", "Original Code": "for (int i = 0; i < N; i++) {", "Faulty Code": "for (int i = 0; i <= N; i++) {"}]})";

TEST(PromptCli, SendRepairsAnUnusableReplyThroughTheCassette) {
    fs::path file = cassette("I would change the loop bound.", kGood);
    CmdRun r =
        hlsv("prompt " + kDesign + " --bug OOB --no-rag --send --backend replay --cassette " +
             file.string() + " --format json");
    ASSERT_EQ(r.code, 0) << r.err;
    Injection inj = parse_injection(r.out);
    EXPECT_EQ(inj.specs.at(0).faulty, "for (int i = 0; i <= N; i++) {");
    EXPECT_NE(r.err.find("round 0"), std::string::npos) << r.err;
}

TEST(PromptCli, SendWithoutAUsableReplyIsAFinding) {
    fs::path file = cassette("no json here", "still no json");
    CmdRun r = hlsv("prompt " + kDesign +
                    " --bug OOB --no-rag --send --backend replay --cassette " + file.string());
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_NE(r.err.find("no usable injection after 2 round(s)"), std::string::npos) << r.err;
}

} // namespace
} // namespace hlsv::prompt
