// The debugging assistant with an LLM backend: a real OpenAI-compatible server on 127.0.0.1
// (started here) answers the localize prompt; its fix is judged by C simulation; a recorded
// cassette replays the same run with no network. The answer also names a line the design does
// not have, which must be dropped with a note, not crash or mislead.
#include "assist/assist.h"

#include <gtest/gtest.h>
#include <loopback_chat.h>
#include <unistd.h>

using namespace hlsv;

namespace {

const fs::path k_fixtures = fs::path(HLSV_TEST_FIXTURES) / "assist";

const char* k_answer = R"({"Candidates": [
  {"Error Type": "OOB", "Line": 26, "Faulty Code": "s += in[i - 1];", "Fixed Code": "s += in[i + 1];",
   "Explanation": "the right neighbour is read from the left", "Confidence": 0.9},
  {"Error Type": "INIT", "Line": 999, "Faulty Code": "", "Fixed Code": "",
   "Explanation": "a line that is not there", "Confidence": 0.1}]})";

struct Workspace {
    fs::path dir;
    Workspace() {
        dir = fs::temp_directory_path() / ("hlsv_llm_debug_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir / "design");
        for (const auto& e : fs::directory_iterator(k_fixtures / "saturate_sum")) {
            fs::copy_file(e.path(), dir / "design" / e.path().filename());
        }
        fs::copy_file(k_fixtures / "bugs" / "wrong_operand.cpp",
                      dir / "design" / "saturate_sum.cpp", fs::copy_options::overwrite_existing);
    }
    ~Workspace() { fs::remove_all(dir); }
};

const assist::Suspect* at_line(const assist::DebugReport& r, int line) {
    for (const auto& s : r.suspects) {
        if (s.line == line) {
            return &s;
        }
    }
    return nullptr;
}

TEST(LlmDebug, ModelFixIsProvenAndBogusLineDropped) {
    Workspace ws;
    hlsv::test::LoopbackChat server(k_answer);
    assist::DebugOptions opts;
    opts.backend = "openai";
    opts.base_url = server.url();
    opts.model = "test-model";
    opts.db = (ws.dir / "store.db").string();
    opts.record = ws.dir / "cassette.jsonl";
    opts.max_candidates = 5;
    auto rep = assist::debug(load_design(ws.dir / "design"), opts);
    EXPECT_EQ(server.requests(), 1);
    EXPECT_EQ(server.last_model(), "test-model");
    const assist::Suspect* s = at_line(rep, 26);
    ASSERT_NE(s, nullptr) << rep.to_text();
    EXPECT_EQ(s->type, "OOB");
    ASSERT_TRUE(s->fix.has_value());
    EXPECT_TRUE(s->fix->validated);
    EXPECT_EQ(s->fix->operator_id, "llm");
    bool llm_evidence = false;
    for (const auto& e : s->evidence) {
        llm_evidence = llm_evidence || e.rfind("llm:", 0) == 0;
    }
    EXPECT_TRUE(llm_evidence);
    EXPECT_EQ(at_line(rep, 999), nullptr);
    bool noted = false;
    for (const auto& n : rep.notes) {
        noted = noted || n.find("999") != std::string::npos;
    }
    EXPECT_TRUE(noted) << rep.to_text();

    // Replay: the same run from the cassette, no server involved.
    assist::DebugOptions replay = opts;
    replay.backend = "replay";
    replay.cassette = ws.dir / "cassette.jsonl";
    replay.record.clear();
    replay.base_url.clear();
    auto again = assist::debug(load_design(ws.dir / "design"), replay);
    EXPECT_EQ(server.requests(), 1);
    EXPECT_EQ(again.to_json()["suspects"], rep.to_json()["suspects"]);
}

TEST(LlmDebug, UnreachableEndpointIsANoteNotACrash) {
    Workspace ws;
    assist::DebugOptions opts;
    opts.backend = "openai";
    opts.base_url = "http://127.0.0.1:9/v1"; // discard port: connection refused
    opts.model = "m";
    opts.db = (ws.dir / "store.db").string();
    opts.max_candidates = 5;
    auto rep = assist::debug(load_design(ws.dir / "design"), opts);
    bool noted = false;
    for (const auto& n : rep.notes) {
        noted = noted || n.find("LLM gave no answer") != std::string::npos;
    }
    EXPECT_TRUE(noted) << rep.to_text();
    EXPECT_EQ(rep.verdict_before, "fail"); // the rest of the assistant still ran
}

} // namespace
