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
