// `hlsv eval` end to end through the CLI: the rule backend, then an OpenAI-compatible server on
// 127.0.0.1 (started here) recorded to a cassette, then the cassette replayed with the server
// gone. eval.json keeps one entry per backend and model; the LLM runs print the gain table over
// the rule backend on the same samples, and `hlsv report` shows the same comparison.
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <loopback_chat.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path k_fixtures = fs::path(HLSV_TEST_FIXTURES) / "assist";
const char* k_key = "sk-hlsv-eval-secret-789";

// Right about the wrong-operand sample (line 26), silent about the other one.
const char* k_answer = R"({"Candidates": [
  {"Error Type": "OOB", "Line": 26, "Faulty Code": "s += in[i - 1];", "Fixed Code": "s += in[i + 1];",
   "Explanation": "the right neighbour is read from the left", "Confidence": 0.9}]})";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct CliRun {
    int exit = -1;
    std::string out, err;
};

class EvalCli : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("hlsv_eval_cli_" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "ds");
        std::string golden = slurp(k_fixtures / "saturate_sum" / "saturate_sum.cpp");
        std::ofstream s(dir_ / "ds" / "samples.jsonl");
        for (const char* bug : {"wrong_operand", "changed_constant"}) {
            json row = {{"id", bug},
                        {"design", "saturate_sum"},
                        {"design_dir", (k_fixtures / "saturate_sum").string()},
                        {"source_file", "saturate_sum.cpp"},
                        {"bug_types", {"OOB"}},
                        {"golden_code", golden},
                        {"buggy_code", slurp(k_fixtures / "bugs" / (std::string(bug) + ".cpp"))}};
            s << row.dump() << "\n";
        }
    }
    void TearDown() override { fs::remove_all(dir_); }

    CliRun eval(const std::string& args) {
        // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "lit" + std::string.
        std::string cmd = "HLSV_DB=";
        cmd += (dir_ / "rag.db").string();
        cmd += " HLSV_LLM_API_KEY=";
        cmd += k_key;
        cmd += " ";
        cmd += HLSV_BIN;
        cmd += " eval " + (dir_ / "ds").string() + " " + args;
        cmd += " > " + (dir_ / "out").string() + " 2> " + (dir_ / "err").string();
        CliRun r;
        r.exit = WEXITSTATUS(std::system(cmd.c_str()));
        r.out = slurp(dir_ / "out");
        r.err = slurp(dir_ / "err");
        return r;
    }

    json entry(const std::string& backend) {
        for (const auto& e : json::parse(slurp(dir_ / "ds" / "eval.json"))) {
            if (e.value("backend", "") == backend) {
                return e;
            }
        }
        ADD_FAILURE() << "no " << backend << " entry in eval.json";
        return json::object();
    }

    fs::path dir_;
};

TEST_F(EvalCli, LlmAndReplayAreComparedWithTheRuleBackendOnTheSameSamples) {
    auto rules = eval("--backend rules");
    ASSERT_EQ(rules.exit, 0) << rules.err;
    EXPECT_EQ(rules.out.find("gain over the rule backend"), std::string::npos)
        << "the rule backend is the baseline, not compared with itself";

    fs::path cassette = dir_ / "cassette.jsonl";
    {
        hlsv::test::LoopbackChat server(k_answer);
        auto live = eval("--backend openai --model loopback-model --base-url " + server.url() +
                         " --record " + cassette.string());
        ASSERT_EQ(live.exit, 0) << live.err;
        EXPECT_GE(server.requests(), 2) << "one localize request per sample";
        EXPECT_EQ(server.last_auth(), std::string("Bearer ") + k_key);
        EXPECT_NE(live.out.find("gain over the rule backend on the same 2 samples"),
                  std::string::npos)
            << live.out;
    }
    auto replay = eval("--backend replay --cassette " + cassette.string());
    ASSERT_EQ(replay.exit, 0) << replay.err;
    EXPECT_NE(replay.out.find("gain over the rule backend on the same 2 samples"),
              std::string::npos)
        << replay.out;

    json r = entry("rules"), o = entry("openai"), p = entry("replay");
    EXPECT_EQ(o.value("model", ""), "loopback-model");
    EXPECT_EQ(r["samples_key"], o["samples_key"]);
    EXPECT_EQ(o["samples_key"], p["samples_key"]);
    // The replay reproduces the recorded run exactly, hit for hit.
    EXPECT_EQ(o["total"]["hits"], p["total"]["hits"]);
    EXPECT_EQ(o["total"]["samples"], 2);
    // The model is right about the wrong operand: its run localizes at least as well as rules.
    EXPECT_GE(o["total"]["hits"]["top1"].get<long>(), 1);

    // A second rules run replaces its entry instead of adding one.
    ASSERT_EQ(eval("--backend rules").exit, 0);
    EXPECT_EQ(json::parse(slurp(dir_ / "ds" / "eval.json")).size(), 3u);

    std::string report = dir_.string() + "/report.html";
    std::string cmd = std::string(HLSV_BIN) + " report " + (dir_ / "ds").string() + " -o " +
                      report + " > /dev/null 2>&1";
    ASSERT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 0);
    std::string html = slurp(report);
    EXPECT_NE(html.find("openai loopback-model against rules"), std::string::npos);
    EXPECT_NE(html.find("replay cassette.jsonl against rules"), std::string::npos);

    for (const auto& f : {dir_ / "ds" / "eval.json", cassette, fs::path(report)}) {
        EXPECT_EQ(slurp(f).find(k_key), std::string::npos) << f;
    }
}

TEST_F(EvalCli, AnEvalJsonThatIsNotAListIsRefusedAndKept) {
    std::ofstream(dir_ / "ds" / "eval.json") << "{\"hand\": \"written\"}\n";
    auto r = eval("--backend rules");
    EXPECT_EQ(r.exit, 2) << r.err;
    EXPECT_NE(r.err.find("eval.json"), std::string::npos) << r.err;
    EXPECT_EQ(slurp(dir_ / "ds" / "eval.json"), "{\"hand\": \"written\"}\n");
}

} // namespace
