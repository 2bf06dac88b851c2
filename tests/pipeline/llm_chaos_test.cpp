// Issue #18's closing check: 2,000 LLM requests (20 designs x 100 attempts) against a loopback
// server that fails 20% of them (HTTP 500 and 429, bodies that are not JSON, replies held past
// the client's timeout), with the run killed by SIGKILL three times. Rerunning the same command
// until it exits 0 must leave exactly one recorded verdict per item: nothing lost, nothing
// twice. The numbers are printed for the closing note.
#include "helpers.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <gtest/gtest.h>
#include <loopback_chat.h>

namespace hlsv::pipeline::test {
namespace {

using hlsv::test::LoopbackChat;
using hlsv::test::RawReply;

// An injection whose Original Code the designs do not have: judged invalid by the automatic
// checks, so 2,000 verdicts need no C simulation.
const char* k_absent =
    "{\"Error Size\": 1, \"Error Specification\": [{\"Error Type\": \"ZERO\", "
    "\"Original Code\": \"int nowhere = 1;\", \"Faulty Code\": \"int nowhere = 0;\"}]}";

TEST(LlmChaos, TwoThousandRequestsWithFaultsAndKillsLoseAndDuplicateNothing) {
    TempDir dir;
    constexpr int k_designs = 20, k_per_type = 100;
    fs::path suite = dir / "suite";
    fs::path src = fixtures() / "tiny" / "vec_scale";
    for (int d = 0; d < k_designs; ++d) {
        fs::path dd = suite / ("vs" + std::to_string(d));
        fs::create_directories(dd);
        for (const char* f : {"vec_scale.cpp", "vec_scale_tb.cpp", "hlsv.json"}) {
            std::string text = slurp(src / f);
            if (std::string(f) == "vec_scale.cpp") {
                text = "// copy " + std::to_string(d) + "\n" + text; // its own design hash
            }
            std::FILE* out = std::fopen((dd / f).c_str(), "wb");
            std::fwrite(text.data(), 1, text.size(), out);
            std::fclose(out);
        }
    }
    std::atomic<int> faults_500{0}, faults_429{0}, faults_garbage{0}, faults_stall{0};
    LoopbackChat server(LoopbackChat::raw_tag{}, [&](const nlohmann::json& body, int index) {
        unsigned h = static_cast<unsigned>(index) * 2654435761u % 100u;
        if (h < 10) {
            ++faults_500;
            return RawReply{500, "{\"error\": {\"message\": \"overloaded\"}}"};
        }
        if (h < 15) {
            ++faults_429;
            return RawReply{429, "{\"error\": {\"message\": \"slow down\"}}"};
        }
        if (h < 18) {
            ++faults_garbage;
            return RawReply{200, "<html>gateway</html>"};
        }
        RawReply r{200, LoopbackChat::completion(body, k_absent)};
        if (h < 20) {
            ++faults_stall;
            r.stall = true;
        }
        return r;
    });
    auto args = generate_args({suite.string()}, dir / "rag.db", dir / "out", "ZERO");
    std::vector<std::string> extra{"--backend",       "openai",
                                   "--base-url",      server.url(),
                                   "--model",         "loopback-model",
                                   "--per-type",      std::to_string(k_per_type),
                                   "--repair-rounds", "0",
                                   "--timeout",       "1",
                                   "--max-inflight",  "16"};
    args.insert(args.end(), extra.begin(), extra.end());
    int kills = 0, runs = 0, pending_runs = 0;
    for (int threshold : {300, 700, 1100}) {
        Child c(hlsv_argv(args));
        ++runs;
        bool reached =
            poll_until([&] { return server.requests() >= threshold || !c.running(); }, 300);
        ASSERT_TRUE(reached);
        if (c.running()) {
            c.signal(SIGKILL);
            ++kills;
        }
        c.wait();
        server.release_stalls(); // the killed client is gone; free the held handlers
        server.rearm_stalls();
    }
    int exit = 1;
    while (exit != 0 && runs < 12) {
        auto r = run_hlsv(args);
        ++runs;
        exit = r.exit;
        ASSERT_TRUE(r.exit == 0 || r.out.find("endpoint errors") != std::string::npos)
            << r.exit << r.err;
        pending_runs += r.exit != 0;
        server.release_stalls();
        server.rearm_stalls();
    }
    ASSERT_EQ(exit, 0);
    fs::path db = dir / "rag.db";
    long done = query_long(db, "SELECT count(*) FROM run_items WHERE status = 'done'");
    long attempts = query_long(db, "SELECT count(*) FROM attempts");
    long distinct = query_long(db, "SELECT count(DISTINCT prompt_hash) FROM attempts");
    auto rows = read_jsonl(dir / "out" / "attempts.jsonl");
    auto ids = ids_of(rows);
    std::set<std::string> unique(ids.begin(), ids.end());
    std::printf("chaos: %d server requests (500: %d, 429: %d, not JSON: %d, stalled: %d), "
                "%d runs, %d kill -9, %d runs ending with pending items; items done %ld, "
                "attempt rows %ld (distinct %ld), exported attempts %zu (unique ids %zu)\n",
                server.requests(), faults_500.load(), faults_429.load(), faults_garbage.load(),
                faults_stall.load(), runs, kills, pending_runs, done, attempts, distinct,
                rows.size(), unique.size());
    EXPECT_EQ(kills, 3);
    EXPECT_EQ(done, k_designs * k_per_type);
    EXPECT_EQ(attempts, k_designs * k_per_type);
    EXPECT_EQ(distinct, k_designs * k_per_type);
    EXPECT_EQ(rows.size(), static_cast<std::size_t>(k_designs * k_per_type));
    EXPECT_EQ(unique.size(), rows.size());
    EXPECT_EQ(integrity_check(db), "ok");
}

} // namespace
} // namespace hlsv::pipeline::test
