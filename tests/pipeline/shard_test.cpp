// Issue #7, shards: --shard 0/2 and 1/2 into two stores split the work with no overlap, their
// union is the unsharded run, and `hlsv merge` combines the stores' examples into one.
#include "helpers.h"

#include <gtest/gtest.h>

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
