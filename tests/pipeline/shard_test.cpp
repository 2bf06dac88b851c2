// Issue #7, shards: --shard 0/2 and 1/2 into two stores split the work with no overlap, their
// union is the unsharded run, and `hlsv merge` combines the stores' examples into one.
#include "helpers.h"

#include <csignal>
#include <fstream>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

namespace hlsv::pipeline::test {
namespace {

const char* k_bugs = "OOB,ZERO,DID,DFP";

std::vector<std::string> suites() {
    return {(fixtures() / "tiny").string(), bench_design("moving_average").string(),
            bench_design("prefix_sum").string()};
}

std::vector<std::string> with_shard(std::vector<std::string> args, const std::string& shard) {
    args.push_back("--shard");
    args.push_back(shard);
    return args;
}

const char* k_generated = "SELECT hash FROM examples WHERE origin = 'generated'";

TEST(Shards, UnionOfShardsEqualsTheUnshardedRunAndMergeCombinesTheStores) {
    TempDir dir;
    auto s0 =
        run_hlsv(with_shard(generate_args(suites(), dir / "s0.db", dir / "s0", k_bugs), "0/2"));
    ASSERT_EQ(s0.exit, 0) << s0.err;
    auto s1 =
        run_hlsv(with_shard(generate_args(suites(), dir / "s1.db", dir / "s1", k_bugs), "1/2"));
    ASSERT_EQ(s1.exit, 0) << s1.err;
    auto all = run_hlsv(generate_args(suites(), dir / "all.db", dir / "all", k_bugs));
    ASSERT_EQ(all.exit, 0) << all.err;

    auto a = ids_of(read_jsonl(dir / "s0" / "samples.jsonl"));
    auto b = ids_of(read_jsonl(dir / "s1" / "samples.jsonl"));
    auto want = ids_of(read_jsonl(dir / "all" / "samples.jsonl"));
    ASSERT_FALSE(want.empty());
    std::multiset<std::string> both = a;
    both.insert(b.begin(), b.end());
    EXPECT_EQ(both, want) << "shards overlap or miss samples";
    // Designs stay whole within one shard (a design's variants share its golden build).
    auto designs = [&](const fs::path& f) {
        std::set<std::string> d;
        for (const auto& s : read_jsonl(f)) {
            d.insert(s["design"].get<std::string>());
        }
        return d;
    };
    for (const auto& d : designs(dir / "s0" / "samples.jsonl")) {
        EXPECT_FALSE(designs(dir / "s1" / "samples.jsonl").count(d)) << d << " is in both shards";
    }

    auto m = run_hlsv({"merge", (dir / "merged.db").string(), (dir / "s0.db").string(),
                       (dir / "s1.db").string()});
    ASSERT_EQ(m.exit, 0) << m.err;
    auto merged = query_set(dir / "merged.db", k_generated);
    EXPECT_EQ(merged, query_set(dir / "all.db", k_generated))
        << "the merged store's generated examples differ from the unsharded run's";
    EXPECT_EQ(merged.size(), want.size()) << "one RAG example per valid sample";
    EXPECT_EQ(integrity_check(dir / "merged.db"), "ok");

    // Merging again adds nothing (import is idempotent by content).
    auto again = run_hlsv({"merge", (dir / "merged.db").string(), (dir / "s0.db").string(),
                           (dir / "s1.db").string()});
    ASSERT_EQ(again.exit, 0) << again.err;
    EXPECT_NE(again.out.find(": 0 new examples"), std::string::npos) << again.out;
    EXPECT_EQ(query_set(dir / "merged.db", k_generated), merged);
}

/// The exported dataset without run.json (wall times and store paths differ between runs).
std::map<std::string, std::string> dataset(const fs::path& out) {
    auto files = tree(out);
    files.erase("run.json");
    return files;
}

TEST(Shards, MergedShardsExportTheUnshardedDatasetByteForByteInAnyOrderAndTwice) {
    TempDir dir;
    for (const char* shard : {"0/2", "1/2"}) {
        std::string n = std::string("s") + shard[0];
        auto r = run_hlsv(
            with_shard(generate_args(suites(), dir / (n + ".db"), dir / n, k_bugs), shard));
        ASSERT_EQ(r.exit, 0) << r.err;
    }
    auto all = run_hlsv(generate_args(suites(), dir / "all.db", dir / "all", k_bugs));
    ASSERT_EQ(all.exit, 0) << all.err;
    auto want = dataset(dir / "all");
    ASSERT_TRUE(want.count("samples.jsonl"));

    // One merge in each order, the second store merged twice: the same dataset each time.
    struct Order {
        const char* name;
        std::vector<std::string> stores;
    };
    for (const Order& o : {Order{"ab", {"s0.db", "s1.db"}}, Order{"ba", {"s1.db", "s0.db"}}}) {
        fs::path merged = dir / (std::string(o.name) + ".db");
        for (int round = 0; round < (o.name[0] == 'b' ? 2 : 1); ++round) {
            std::vector<std::string> args = {"merge", merged.string()};
            for (const auto& s : o.stores) {
                args.push_back((dir / s).string());
            }
            auto m = run_hlsv(args);
            ASSERT_EQ(m.exit, 0) << m.err;
        }
        // The plain command finds every item done in the merged store and only exports.
        auto e = run_hlsv(generate_args(suites(), merged, dir / o.name, k_bugs));
        ASSERT_EQ(e.exit, 0) << e.err;
        EXPECT_EQ(query_long(merged, "SELECT count(*) FROM runs"), 1) << o.name;
        EXPECT_NE(e.out.find("already done before this run"), std::string::npos) << e.out;
        auto got = dataset(dir / o.name);
        EXPECT_EQ(got.size(), want.size()) << o.name;
        for (const auto& [file, text] : want) {
            EXPECT_EQ(got[file], text) << o.name << ": " << file << " differs";
        }
    }
}

TEST(Shards, AShardWithNoDesignIsNotAnError) {
    // Three designs over eight shards: most shards are empty, which a cluster run must accept.
    TempDir dir;
    int empty = 0;
    for (int i = 0; i < 8; ++i) {
        auto r = run_hlsv(with_shard(generate_args(suites(), dir / "x.db", dir / "x", k_bugs),
                                     std::to_string(i) + "/8"));
        ASSERT_EQ(r.exit, 0) << i << ": " << r.err;
        empty += r.out.find("(0 items") != std::string::npos;
    }
    EXPECT_GE(empty, 1);
}

/// Runs one statement on a store (writable), as a killed or unfinished task would leave it.
void exec_sql(const fs::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
    std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(h);
    ASSERT_EQ(rc, SQLITE_OK) << msg;
}

/// Every file of the merge's output store (the database, its WAL and lock) with its bytes.
std::map<std::string, std::string> store_files(const fs::path& dir, const std::string& stem) {
    std::map<std::string, std::string> out;
    for (const auto& [name, text] : tree(dir)) {
        if (name.rfind(stem, 0) == 0) {
            out[name] = text;
        }
    }
    return out;
}

// The lost-designs race (docs/scale.md): a shard whose run is unfinished must not be merged as
// if it were complete. Refused with one line naming the store and what is unfinished, exit 2,
// and the output store unchanged.
TEST(Shards, MergeRefusesAnUnfinishedShardAndWritesNothing) {
    TempDir dir;
    for (const char* shard : {"0/2", "1/2"}) {
        std::string n = std::string("s") + shard[0];
        auto r = run_hlsv(
            with_shard(generate_args(suites(), dir / (n + ".db"), dir / n, k_bugs), shard));
        ASSERT_EQ(r.exit, 0) << r.err;
    }
    fs::path merged = dir / "m" / "merged.db";
    fs::create_directories(merged.parent_path());
    auto first = run_hlsv({"merge", merged.string(), (dir / "s0.db").string()});
    ASSERT_EQ(first.exit, 0) << first.err;
    auto before = store_files(merged.parent_path(), "merged.db");
    ASSERT_TRUE(before.count("merged.db"));

    auto refused = [&](const std::string& what) {
        auto r = run_hlsv(
            {"merge", merged.string(), (dir / "s0.db").string(), (dir / "s1.db").string()});
        EXPECT_EQ(r.exit, 2) << what << ": " << r.out << r.err;
        EXPECT_NE(r.err.find("s1.db"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
        EXPECT_EQ(store_files(merged.parent_path(), "merged.db"), before)
            << "a refused merge changed the output store";
    };
    // A task killed (or requeued) mid-run: its run is still marked running.
    exec_sql(dir / "s1.db", "UPDATE runs SET status = 'running', finished_at = NULL");
    refused("running");
    // A run marked done but with items not done (a design skipped after its golden failed).
    exec_sql(dir / "s1.db", "UPDATE runs SET status = 'done'");
    exec_sql(dir / "s1.db", "UPDATE run_items SET status = 'pending' WHERE id = (SELECT min(id) "
                            "FROM run_items WHERE status = 'done')");
    refused("1 item(s) not done");

    // --allow-partial merges it anyway; the unsharded command then runs what is missing.
    auto partial = run_hlsv({"merge", "--allow-partial", merged.string(), (dir / "s0.db").string(),
                             (dir / "s1.db").string()});
    ASSERT_EQ(partial.exit, 0) << partial.err;
    auto e = run_hlsv(generate_args(suites(), merged, dir / "all", k_bugs));
    ASSERT_EQ(e.exit, 0) << e.err;
    EXPECT_EQ(query_long(merged, "SELECT count(*) FROM run_items WHERE status = 'pending'"), 0);
}

/// `pid` and every process below it, deepest first (the order a scheduler's tree kill may use).
std::vector<pid_t> process_tree(pid_t pid) {
    std::vector<pid_t> out;
    std::ifstream children("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) +
                           "/children");
    for (pid_t c; children >> c;) {
        auto sub = process_tree(c);
        out.insert(out.end(), sub.begin(), sub.end());
    }
    // Threads other than the main one can start children too.
    std::error_code ec;
    for (const auto& t : fs::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        if (t.path().filename() == std::to_string(pid)) {
            continue;
        }
        std::ifstream more(t.path() / "children");
        for (pid_t c; more >> c;) {
            auto sub = process_tree(c);
            out.insert(out.end(), sub.begin(), sub.end());
        }
    }
    out.push_back(pid);
    return out;
}

bool runs_program(pid_t root, const std::string& name) {
    for (pid_t p : process_tree(root)) {
        if (p != root && slurp("/proc/" + std::to_string(p) + "/comm").rfind(name, 0) == 0) {
            return true;
        }
    }
    return false;
}

// The lost-designs race (docs/scale.md): Slurm requeues (or preempts) a task by sending SIGTERM
// to every process of it, the sandboxed testbench included. That run's "crash: killed by
// SIGTERM" was cached as the design's golden result, so the requeued task and the merge job
// (same cache) skipped the design and the merged dataset lacked it. Now the signal reaches only
// hlsv, the run in flight ends normally, and the resumed shard equals an uninterrupted one.
TEST(Shards, ATreeWideSigtermWhileTheGoldenRunsLosesNoDesign) {
    TempDir dir;
    fs::path suite = dir / "suite";
    fs::create_directories(suite / "crc32");
    fs::copy(bench_design("crc32"), suite / "crc32", fs::copy_options::recursive);
    // A golden run long enough to be caught running (about a second).
    fs::path tb = suite / "crc32" / "crc32_tb.cpp";
    std::string text = slurp(tb);
    auto at = text.find("int main() {");
    ASSERT_NE(at, std::string::npos);
    text.insert(at + 12, " { volatile unsigned long spin = 0; for (unsigned long i = 0; i < "
                         "800000000UL; ++i) { spin += i; } }");
    std::ofstream(tb) << text;
    std::string json = slurp(suite / "crc32" / "hlsv.json");
    auto t = json.find("\"timeout_s\": 3");
    ASSERT_NE(t, std::string::npos);
    json.replace(t, 14, "\"timeout_s\": 60");
    std::ofstream(suite / "crc32" / "hlsv.json") << json;

    SpawnOptions env;
    env.env["HLSV_CACHE_DIR"] = (dir / "cache").string(); // a private csim cache, as on a node
    const char* bugs = "OOB,INIT";
    auto args = generate_args({suite.string()}, dir / "k.db", dir / "k", bugs);
    {
        Child child(hlsv_argv(args), env);
        // Validation runs the golden twice: once to time it, once (with the variants' time
        // limit) before the variants. The second one's result decides whether the design is
        // validated at all, so the signal comes while it runs.
        auto sim = [&] { return runs_program(child.pid(), "hlsv_sim"); };
        ASSERT_TRUE(poll_until(sim, 120)) << "no golden run seen: " << child.err();
        ASSERT_TRUE(poll_until([&] { return !sim(); }, 120)) << child.err();
        ASSERT_TRUE(poll_until(sim, 120)) << "no second golden run seen: " << child.err();
        for (pid_t p : process_tree(child.pid())) {
            ::kill(p, SIGTERM);
        }
        child.wait_for(120);
    }
    auto resumed = run_hlsv(args, env);
    ASSERT_EQ(resumed.exit, 0) << resumed.err;
    EXPECT_EQ(resumed.err.find("skipped design"), std::string::npos) << resumed.err;
    EXPECT_EQ(query_long(dir / "k.db", "SELECT count(*) FROM run_items WHERE result LIKE "
                                       "'%SIGTERM%' OR status = 'pending'"),
              0);

    auto whole = run_hlsv(generate_args({suite.string()}, dir / "w.db", dir / "w", bugs), env);
    ASSERT_EQ(whole.exit, 0) << whole.err;
    auto want = dataset(dir / "w");
    ASSERT_TRUE(want.count("samples.jsonl"));
    EXPECT_EQ(dataset(dir / "k"), want) << "the interrupted and resumed run lost or changed work";
}

TEST(Shards, BadShardSpecIsAUsageError) {
    TempDir dir;
    for (const char* bad : {"2/2", "1", "a/b", "0/0"}) {
        auto r = run_hlsv(with_shard(
            generate_args({(fixtures() / "tiny").string()}, dir / "x.db", dir / "x", k_bugs), bad));
        EXPECT_EQ(r.exit, 2) << bad << ": " << r.err;
        EXPECT_NE(r.err.find("--shard"), std::string::npos) << r.err;
    }
}

} // namespace
} // namespace hlsv::pipeline::test
