// Issue #18: LLM runs that lose nothing. `hlsv generate --backend openai` (and `inject`) against
// a loopback server that misbehaves on purpose: reply bodies that are not UTF-8, replies held
// until the client times out, ambiguous edits, identical replies, repeated requests, and a long
// run with 20% faults and kill -9s. Stalls are released by the test or outlived by the client's
// --timeout; nothing here sleeps to synchronize.
#include "helpers.h"

#include <csignal>
#include <gtest/gtest.h>
#include <loopback_chat.h>

namespace hlsv::pipeline::test {
namespace {

using hlsv::test::LoopbackChat;
using hlsv::test::RawReply;

const char* k_zero =
    "{\"Error Size\": 1, \"Error Specification\": [{\"Error Type\": \"ZERO\", "
    "\"Original Code\": \"int shift = 2;\", \"Faulty Code\": \"int shift = 0;\"}]}";

std::vector<std::string> args_for(const TempDir& dir, const std::string& bugs,
                                  const std::string& url, std::vector<std::string> extra = {}) {
    auto a = generate_args({(fixtures() / "tiny" / "vec_scale").string()}, dir / "rag.db",
                           dir / "out", bugs);
    for (const std::string& s :
         {std::string("--backend"), std::string("openai"), std::string("--base-url"), url,
          std::string("--model"), std::string("loopback-model")}) {
        a.push_back(s);
    }
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
}

bool is_repair(const nlohmann::json& body) {
    const auto& msgs = body["messages"];
    return !msgs.empty() &&
           msgs.back()["content"].get<std::string>().find("cannot be used") != std::string::npos;
}

TEST(LlmFaults, ReplyBodyThatIsNotUtf8IsRepairedNotACrash) {
    TempDir dir;
    LoopbackChat server(LoopbackChat::raw_tag{}, [](const nlohmann::json& body, int) {
        if (is_repair(body)) {
            return RawReply{200, LoopbackChat::completion(body, k_zero)};
        }
        std::string bytes = LoopbackChat::completion(body, "here it comes: XX");
        bytes.replace(bytes.find("XX"), 2, "\xff\xfe");
        return RawReply{200, bytes};
    });
    auto r = run_hlsv(args_for(dir, "ZERO", server.url()));
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_EQ(server.requests(), 2); // the first reply, then the repair round
    auto samples = read_jsonl(dir / "out" / "samples.jsonl");
    ASSERT_EQ(samples.size(), 1u);
    EXPECT_NE(samples[0]["buggy_code"].get<std::string>().find("int shift = 0;"), std::string::npos);
}

TEST(LlmFaults, ReplyThatStaysNotUtf8IsInvalidWithReasonReplyEncoding) {
    TempDir dir;
    LoopbackChat server(LoopbackChat::raw_tag{}, [](const nlohmann::json& body, int) {
        std::string bytes = LoopbackChat::completion(body, "X");
        bytes[bytes.find('X')] = '\xff'; // (replace() of 2 by 1 byte trips GCC 12's -Wrestrict)
        return RawReply{200, bytes};
    });
    auto r = run_hlsv(args_for(dir, "ZERO", server.url()));
    ASSERT_EQ(r.exit, 0) << r.err;
    auto attempts = read_jsonl(dir / "out" / "attempts.jsonl");
    ASSERT_EQ(attempts.size(), 1u);
    EXPECT_EQ(attempts[0]["verdict"], "invalid");
    EXPECT_EQ(attempts[0]["reason"].get<std::string>().rfind("reply-encoding", 0), 0u)
        << attempts[0]["reason"];
    // A rerun does not crash either, and has nothing left to do.
    auto again = run_hlsv(args_for(dir, "ZERO", server.url()));
    EXPECT_EQ(again.exit, 0) << again.err;
}

TEST(LlmFaults, StalledReplyStaysPendingAndTheNextRunAsksAgain) {
    TempDir dir;
    LoopbackChat server(LoopbackChat::raw_tag{}, [](const nlohmann::json& body, int index) {
        RawReply r{200, LoopbackChat::completion(body, k_zero)};
        r.stall = index == 0; // held until the client gives up (or the server stops)
        return r;
    });
    auto first = run_hlsv(args_for(dir, "ZERO", server.url(), {"--timeout", "1.5"}));
    EXPECT_EQ(first.exit, 1) << first.err;
    EXPECT_NE(first.out.find("pending: 1, endpoint errors"), std::string::npos) << first.out;
    EXPECT_NE(first.err.find("waiting for endpoint, "), std::string::npos) << first.err;
    EXPECT_TRUE(read_jsonl(dir / "out" / "attempts.jsonl").empty()) << "a timeout is not a verdict";

    auto second = run_hlsv(args_for(dir, "ZERO", server.url(), {"--timeout", "1.5"}));
    ASSERT_EQ(second.exit, 0) << second.err;
    EXPECT_NE(second.out.find("0 already done"), std::string::npos) << second.out;
    auto samples = read_jsonl(dir / "out" / "samples.jsonl");
    ASSERT_EQ(samples.size(), 1u);
    EXPECT_EQ(server.requests(), 2);
}

TEST(LlmFaults, ResumedAutoRunKeepsTheStrategyTableItStartedWith) {
    TempDir dir;
    // The first run's second request stalls: one item is recorded (its attempt now counts for
    // icl-rag-cot in the store, so `auto` alone would next pick the untried rag-icl), one stays
    // pending.
    LoopbackChat server(LoopbackChat::raw_tag{}, [](const nlohmann::json& body, int index) {
        RawReply r{200, LoopbackChat::completion(body, k_zero)};
        r.stall = index == 1;
        return r;
    });
    std::vector<std::string> extra{"--timeout",      "1.5", "--per-type", "2",
                                   "--max-inflight", "1",   "--strategy", "auto"};
    auto first = run_hlsv(args_for(dir, "ZERO", server.url(), extra));
    EXPECT_EQ(first.exit, 1) << first.err;
    auto second = run_hlsv(args_for(dir, "ZERO", server.url(), extra));
    ASSERT_EQ(second.exit, 0) << second.err;
    auto attempts = read_jsonl(dir / "out" / "attempts.jsonl");
    ASSERT_EQ(attempts.size(), 2u);
    for (const auto& a : attempts) {
        EXPECT_EQ(a["strategy"], "icl-rag-cot") << a.dump();
    }
    auto manifest = json::parse(slurp(dir / "out" / "manifest.json"));
    EXPECT_EQ(manifest["config"]["strategies"]["ZERO"], "icl-rag-cot") << manifest.dump();
}

TEST(LlmFaults, AmbiguousOriginalWithoutLineIsAskedForTheLine) {
    TempDir dir;
    // `for (int i = 0; i < VS_N; i++) {` opens both loops of vec_scale (lines 15 and 20).
    std::string repair_prompt;
    LoopbackChat server([&](const nlohmann::json& body) {
        std::string orig = "for (int i = 0; i < VS_N; i++) {";
        std::string faulty = "for (int i = 0; i <= VS_N; i++) {";
        std::string line;
        if (is_repair(body)) {
            repair_prompt = body["messages"].back()["content"].get<std::string>();
            line = ", \"Line\": 20";
        }
        // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on chains of string +.
        std::string reply = "{\"Error Size\": 1, \"Error Specification\": [{\"Error Type\": "
                            "\"OOB\", \"Original Code\": \"";
        reply += orig;
        reply += "\", \"Faulty Code\": \"";
        reply += faulty;
        reply += "\"";
        reply += line;
        reply += "}]}";
        return reply;
    });
    auto r = run_hlsv(args_for(dir, "OOB", server.url()));
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_EQ(server.requests(), 2);
    EXPECT_NE(repair_prompt.find("matches 2 places (lines 15, 20)"), std::string::npos)
        << repair_prompt;
    EXPECT_NE(repair_prompt.find("add \"Line\""), std::string::npos) << repair_prompt;
    auto samples = read_jsonl(dir / "out" / "samples.jsonl");
    ASSERT_EQ(samples.size(), 1u);
    EXPECT_EQ(samples[0]["changed_lines"], json::array({20}));
}

TEST(LlmFaults, IdenticalValidRepliesExportOneBugFile) {
    TempDir dir;
    LoopbackChat server(k_zero);
    auto r = run_hlsv(args_for(dir, "ZERO", server.url(), {"--per-type", "2"}));
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_EQ(read_jsonl(dir / "out" / "attempts.jsonl").size(), 2u);
    EXPECT_EQ(read_jsonl(dir / "out" / "samples.jsonl").size(), 1u);
    std::size_t bug_files = 0;
    for (const auto& [name, text] : tree(dir / "out")) {
        bug_files += name.find("/Bugs/") != std::string::npos;
    }
    EXPECT_EQ(bug_files, 1u);
    auto manifest = json::parse(slurp(dir / "out" / "manifest.json"));
    EXPECT_EQ(manifest["duplicates_dropped"], 1);
}

TEST(LlmFaults, InjectAnswersARepeatedRequestFromTheStoreCache) {
    TempDir dir;
    LoopbackChat server(k_zero);
    auto inject = [&](const std::string& out) {
        return run_hlsv({"inject", (fixtures() / "tiny" / "vec_scale").string(), "--bug", "ZERO",
                         "--backend", "openai", "--base-url", server.url(), "--model",
                         "loopback-model", "--seed", "7", "--db", (dir / "rag.db").string(),
                         "--timeout", "30", "-o", (dir / out).string()});
    };
    auto first = inject("a");
    ASSERT_EQ(first.exit, 0) << first.err;
    EXPECT_EQ(server.requests(), 1);
    auto second = inject("b");
    ASSERT_EQ(second.exit, 0) << second.err;
    EXPECT_EQ(server.requests(), 1) << "the second inject must answer from the cache";
    EXPECT_EQ(slurp(dir / "a" / "bug_ZERO.txt"), slurp(dir / "b" / "bug_ZERO.txt"));
}

} // namespace
} // namespace hlsv::pipeline::test
