// Issue #7, resumable runs: the same command twice does no new work and leaves the exports
// byte-identical; a run killed with SIGKILL mid-way, then run again, ends with exactly the samples
// of an uninterrupted run; Ctrl-C (SIGINT) stops after recording in-flight work.
#include "helpers.h"

#include <gtest/gtest.h>
#include <regex>
#include <signal.h>

namespace hlsv::pipeline::test {
namespace {

const char* k_bugs = "OOB,ZERO,DID,DFP";

/// "(N items, M already done before this run)" from generate's stdout.
std::pair<long, long> items_line(const std::string& out) {
    std::smatch m;
    if (!std::regex_search(out, m, std::regex(R"(\((\d+) items, (\d+) already done)"))) {
        ADD_FAILURE() << "no item count in: " << out;
        return {-1, -1};
    }
    return {std::stol(m[1]), std::stol(m[2])};
}

/// Enough designs that a run is still busy when its first item is recorded.
std::vector<std::string> busy_suites() {
    return {(fixtures() / "tiny").string(), bench_design("moving_average").string(),
            bench_design("prefix_sum").string(), bench_design("histogram").string(),
            bench_design("crc32").string()};
}

long done_items(const fs::path& db) {
    return query_long(db, "SELECT count(*) FROM run_items WHERE status = 'done'");
}

TEST(Resume, SameCommandTwiceDoesNoNewWorkAndKeepsTheExportsByteIdentical) {
    TempDir dir;
    auto args =
        generate_args({(fixtures() / "tiny").string()}, dir / "rag.db", dir / "out", k_bugs);
    auto first = run_hlsv(args);
    ASSERT_EQ(first.exit, 0) << first.err;
    auto [items1, done1] = items_line(first.out);
    EXPECT_GT(items1, 0);
    EXPECT_EQ(done1, 0);
    auto before = tree(dir / "out");
    long attempts = query_long(dir / "rag.db", "SELECT count(*) FROM attempts");

    auto second = run_hlsv(args);
    ASSERT_EQ(second.exit, 0) << second.err;
    auto [items2, done2] = items_line(second.out);
    EXPECT_EQ(items2, items1);
    EXPECT_EQ(done2, items2) << "the second run must find every item already done";
    EXPECT_EQ(query_long(dir / "rag.db", "SELECT count(*) FROM attempts"), attempts)
        << "no new attempts were made";
    EXPECT_EQ(query_long(dir / "rag.db", "SELECT count(*) FROM runs"), 1);
    auto after = tree(dir / "out");
    ASSERT_EQ(after.size(), before.size());
    for (const auto& [name, text] : before) {
        EXPECT_TRUE(after.count(name) && after[name] == text) << name << " changed";
    }
}

TEST(Resume, KillNineThenRerunEqualsAnUninterruptedRun) {
    TempDir dir;
    fs::path db = dir / "killed.db";
    auto args = generate_args(busy_suites(), db, dir / "killed", k_bugs);
    {
        Child child(hlsv_argv(args));
        ASSERT_TRUE(poll_until([&] { return done_items(db) >= 1 || !child.running(); }, 300))
            << "no item was recorded";
        ASSERT_TRUE(child.running()) << "the run ended before it could be killed: " << child.err();
        child.signal(SIGKILL);
        EXPECT_EQ(child.wait(), 128 + SIGKILL);
    }
    long done_at_kill = done_items(db);
    EXPECT_EQ(integrity_check(db), "ok");

    auto resumed = run_hlsv(args);
    ASSERT_EQ(resumed.exit, 0) << resumed.err;
    auto [items, already] = items_line(resumed.out);
    EXPECT_EQ(already, done_at_kill) << "the rerun reuses exactly what the killed run recorded";
    EXPECT_LT(already, items) << "the kill came after the run finished: nothing was resumed";

    auto clean = run_hlsv(generate_args(busy_suites(), dir / "clean.db", dir / "clean", k_bugs));
    ASSERT_EQ(clean.exit, 0) << clean.err;
    auto got = read_jsonl(dir / "killed" / "samples.jsonl");
    auto want = read_jsonl(dir / "clean" / "samples.jsonl");
    auto got_ids = ids_of(got), want_ids = ids_of(want);
    EXPECT_EQ(std::set<std::string>(got_ids.begin(), got_ids.end()).size(), got_ids.size())
        << "duplicated samples after the resume";
    EXPECT_EQ(got_ids, want_ids) << "samples lost or added by the kill and resume";
    EXPECT_FALSE(want_ids.empty());
    EXPECT_EQ(query_long(db, "SELECT count(*) FROM run_items WHERE status = 'done'"),
              query_long(dir / "clean.db", "SELECT count(*) FROM run_items WHERE status = 'done'"));
}

TEST(Resume, CtrlCRecordsInFlightWorkAndTheRerunCompletes) {
    TempDir dir;
    fs::path db = dir / "rag.db";
    auto args = generate_args(busy_suites(), db, dir / "out", k_bugs);
    Child child(hlsv_argv(args));
    ASSERT_TRUE(poll_until([&] { return done_items(db) >= 1 || !child.running(); }, 300));
    ASSERT_TRUE(child.running()) << "the run ended before it could be interrupted";
    child.signal(SIGINT);
    int code = child.wait_for(300);
    EXPECT_NE(code, 0);
    EXPECT_LT(code, 128) << "it must exit by itself, not die of the signal";
    std::string err = child.err();
    EXPECT_NE(err.find("interrupted"), std::string::npos) << err;
    EXPECT_NE(err.find("run the same command again"), std::string::npos) << err;
    auto [items, already] = items_line(child.out());
    EXPECT_EQ(already, 0);
    // Everything started before the signal was finished and recorded: no item is left pending.
    long done = done_items(db);
    EXPECT_EQ(done, items);
    EXPECT_EQ(query_long(db, "SELECT count(*) FROM run_items WHERE status = 'pending'"), 0);
    EXPECT_EQ(query_long(db, "SELECT count(*) FROM runs WHERE status = 'running'"), 1)
        << "an interrupted run is not marked finished";
    EXPECT_TRUE(fs::exists(dir / "out" / "samples.jsonl")) << "partial exports are written";

    auto rerun = run_hlsv(args);
    ASSERT_EQ(rerun.exit, 0) << rerun.err;
    auto [items2, already2] = items_line(rerun.out);
    EXPECT_EQ(already2, done);
    EXPECT_GT(items2, already2);
    EXPECT_EQ(query_long(db, "SELECT count(*) FROM runs WHERE status = 'done'"), 1);
    EXPECT_EQ(query_long(db, "SELECT count(*) FROM runs"), 1);
}

} // namespace
} // namespace hlsv::pipeline::test
