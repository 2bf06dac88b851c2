// The store: seeding, schema, idempotent adds, MMR queries, statistics, runs, cache, export.
#include "helpers.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <set>
#include <sqlite3.h>

namespace hlsv::rag {
namespace {

using test::TempDir;

const std::vector<std::string> k_types = {"OOB",  "INIT", "SHFT", "INF", "USE", "MLU",
                                          "ZERO", "BUF",  "APT",  "FND", "DID", "DFP",
                                          "IDAP", "RAMB", "SMA",  "AMS", "MLP", "ILNU"};

Store seeded(const TempDir& tmp) {
    StoreOptions o;
    o.seed_dir = test::seed_dir();
    return Store::open(tmp / "rag.db", o);
}

std::string pragma_of(const fs::path& db, const char* pragma) {
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, pragma, -1, &st, nullptr);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW) {
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    return out;
}

TEST(Store, NewStoreIsSeededWithEveryChrysalisType) {
    TempDir tmp;
    auto store = seeded(tmp);
    auto s = store.stats();
    EXPECT_GE(s.designs, 8);
    EXPECT_GE(s.examples, 54);
    for (const auto& t : k_types) {
        EXPECT_GE(s.by_type[t], 3) << t;
    }
    EXPECT_EQ(s.by_origin["seed"], s.examples);
    EXPECT_EQ(s.embedders["hlsv-code-v1/512"], s.examples + s.designs);
    EXPECT_GT(s.bytes, 0);
    EXPECT_EQ(pragma_of(tmp / "rag.db", "PRAGMA user_version"), "2");
    EXPECT_EQ(pragma_of(tmp / "rag.db", "PRAGMA journal_mode"), "wal");
}

TEST(Store, EverySeedBugFileIsAccepted) {
    TempDir tmp;
    auto store = Store::open(tmp / "rag.db", test::no_seed());
    auto r = store.import_chrysalis(test::seed_dir(), "", Origin::seed);
    for (const auto& i : r.rejected) {
        ADD_FAILURE() << i.file << ": " << i.reason << ": " << i.detail;
    }
    EXPECT_GE(r.examples_added, 54u);
    // Re-import: content-hash idempotence.
    auto again = store.import_chrysalis(test::seed_dir(), "", Origin::seed);
    EXPECT_EQ(again.examples_added, 0u);
    EXPECT_EQ(again.examples_existing, r.examples_added);
    EXPECT_EQ(store.stats().examples, static_cast<std::int64_t>(r.examples_added));
}

TEST(Store, AddExampleIsIdempotentAndValidated) {
    TempDir tmp;
    auto store = Store::open(tmp / "rag.db", test::no_seed());
    ExampleInput ex;
    ex.suite = "s";
    ex.design = "d";
    ex.source = test::design_source(1);
    ex.injection = parse_injection(
        test::bug_json("OOB", "for (int i = 0; i < 16; i++)", "for (int i = 0; i <= 16; i++)"));
    auto a = store.add_example(ex);
    EXPECT_TRUE(a.inserted);
    auto b = store.add_example(ex);
    EXPECT_FALSE(b.inserted);
    EXPECT_EQ(a.id, b.id);
    // Whitespace differences in Original Code still match.
    ex.injection = parse_injection(test::bug_json("INIT", "int   acc =\n 0;", "int acc;"));
    EXPECT_TRUE(store.add_example(ex).inserted);

    ex.injection = parse_injection(test::bug_json("NOPE", "int acc = 0;", "int acc;"));
    EXPECT_THROW(store.add_example(ex), InputError);
    ex.injection = parse_injection(test::bug_json("OOB", "not in the source", "x"));
    EXPECT_THROW(store.add_example(ex), InputError);
    EXPECT_EQ(store.stats().examples, 2);
    EXPECT_EQ(store.add_design("s", "d", ex.source), store.add_design("t", "e", ex.source));
}

TEST(Store, QueryReturnsDiverseExamplesOfTheTypeOutsideTheQueryDesign) {
    TempDir tmp;
    auto store = seeded(tmp);
    std::string fir =
        read_file(test::seed_dir() / "hlsv_seed/fir_filter/Source_Code/fir_filter.cpp");
    auto picks = store.query_mmr(fir, {"OOB"}, {4, 20, 0.5});
    ASSERT_EQ(picks.size(), 4u);
    std::set<std::int64_t> ids;
    for (const auto& p : picks) {
        EXPECT_NE(p.design, "fir_filter"); // the query's own design is excluded
        EXPECT_NE(std::find(p.bug_types.begin(), p.bug_types.end(), "OOB"), p.bug_types.end());
        EXPECT_EQ(p.parsed.types().empty(), false);
        EXPECT_GE(p.relevance, -1.0);
        EXPECT_LE(p.relevance, 1.0 + 1e-6);
        ids.insert(p.id);
    }
    EXPECT_EQ(ids.size(), 4u);
    // Deterministic.
    auto again = store.query_mmr(fir, {"OOB"}, {4, 20, 0.5});
    for (std::size_t i = 0; i < picks.size(); ++i) {
        EXPECT_EQ(picks[i].id, again[i].id);
    }
    // lambda = 1: relevance order.
    auto rel = store.query_mmr(fir, {"RAMB"}, {4, 20, 1.0});
    for (std::size_t i = 1; i < rel.size(); ++i) {
        EXPECT_GE(rel[i - 1].relevance, rel[i].relevance);
    }
    // Exclusion by suite + name as well as by hash.
    MmrQuery q;
    q.source = "void unrelated() {}";
    q.bug_types = {"SMA"};
    q.params.k = 10;
    q.exclude_suite = "hlsv_seed";
    q.exclude_name = "prefix_scan";
    for (const auto& p : store.query_mmr(q)) {
        EXPECT_NE(p.design, "prefix_scan");
    }
    EXPECT_THROW(store.query_mmr(fir, {"BOGUS"}), InputError);
    EXPECT_THROW(store.query_mmr(fir, {}), InputError);
}

TEST(Store, RelevanceFavoursStructurallySimilarDesigns) {
    TempDir tmp;
    auto store = seeded(tmp);
    // A near copy of the seed's FIR under new names: with lambda = 1 the closest OOB example
    // should be the FIR's own OOB bug (its design is not the query's, the text differs).
    std::string fir =
        read_file(test::seed_dir() / "hlsv_seed/fir_filter/Source_Code/fir_filter.cpp");
    for (std::size_t at; (at = fir.find("taps")) != std::string::npos;) {
        fir.replace(at, 4, "regs");
    }
    auto picks = store.query_mmr(fir, {"OOB"}, {1, 20, 1.0});
    ASSERT_EQ(picks.size(), 1u);
    EXPECT_EQ(picks[0].design, "fir_filter");
}

TEST(Store, IndexSeesExamplesAddedAfterTheFirstQuery) {
    TempDir tmp;
    auto store = Store::open(tmp / "rag.db", test::no_seed());
    EXPECT_TRUE(store.query_mmr("int x;", {"OOB"}).empty());
    ExampleInput ex;
    ex.suite = "s";
    ex.design = "d";
    ex.source = test::design_source(2);
    ex.injection = parse_injection(test::bug_json("OOB", "out[i] = acc;", "out[i + 1] = acc;"));
    store.add_example(ex);
    auto picks = store.query_mmr("int x;", {"OOB"});
    ASSERT_EQ(picks.size(), 1u);
    EXPECT_EQ(picks[0].design, "d");
}

TEST(Store, ResolveDbPathPrecedence) {
    Config cfg;
    ::unsetenv("HLSV_DB");
    EXPECT_EQ(resolve_db_path("", cfg), fs::absolute(".hlsv/rag.db"));
    cfg.db = "/tmp/from-config.db";
    EXPECT_EQ(resolve_db_path("", cfg), fs::path("/tmp/from-config.db"));
    ::setenv("HLSV_DB", "/tmp/from-env.db", 1);
    EXPECT_EQ(resolve_db_path("", cfg), fs::path("/tmp/from-env.db"));
    EXPECT_EQ(resolve_db_path("/tmp/explicit.db", cfg), fs::path("/tmp/explicit.db"));
    ::unsetenv("HLSV_DB");
}

TEST(Store, RunsItemsAttemptsAndStrategyStats) {
    TempDir tmp;
    auto store = Store::open(tmp / "rag.db", test::no_seed());
    auto run = store.begin_run(R"({"types":"OOB"})");
    RunItemKey k{"abc", "OOB", 0};
    EXPECT_EQ(store.ensure_item(run, k).status, "pending");
    store.set_item(run, k, "done", "valid");
    auto again = store.ensure_item(run, k); // resuming does not reset or duplicate
    EXPECT_EQ(again.status, "done");
    EXPECT_EQ(again.result, "valid");
    store.ensure_item(run, {"abc", "OOB", 1});
    EXPECT_EQ(store.run_items(run).size(), 2u);
    store.finish_run(run);

    for (int i = 0; i < 5; ++i) {
        AttemptRecord a;
        a.run_id = run;
        a.design_hash = "abc";
        a.bug_types = {"OOB", "INIT"};
        a.strategy = i < 3 ? "icl-rag-cot" : "rag-icl";
        a.backend = "rules";
        a.verdict = i % 2 == 0 ? "valid" : "no-effect";
        a.example_ids = {1, 2};
        a.total_ms = 12.5;
        store.record_attempt(a);
    }
    auto st = store.strategy_stats("INIT");
    ASSERT_EQ(st.size(), 2u);
    EXPECT_EQ(st[0].strategy, "icl-rag-cot");
    EXPECT_EQ(st[0].attempts, 3);
    EXPECT_EQ(st[0].valid, 2);
    EXPECT_EQ(st[1].attempts, 2);
    EXPECT_EQ(st[1].valid, 1);
    EXPECT_TRUE(store.strategy_stats("SHFT").empty());
}

TEST(Store, LlmCacheRoundTrips) {
    TempDir tmp;
    auto store = Store::open(tmp / "rag.db", test::no_seed());
    EXPECT_FALSE(store.cache_get("k1"));
    store.cache_put("k1", "reply one");
    store.cache_put("k1", "reply two");
    EXPECT_EQ(store.cache_get("k1").value(), "reply two");
}

TEST(Store, ExportRoundTripsThroughImport) {
    TempDir tmp;
    auto store = seeded(tmp);
    auto n = store.export_chrysalis(tmp / "out");
    EXPECT_EQ(static_cast<std::int64_t>(n), store.stats().examples);
    EXPECT_TRUE(fs::exists(tmp / "out/hlsv_seed/fir_filter/Source_Code/fir_filter.cpp"));
    EXPECT_TRUE(fs::exists(tmp / "out/hlsv_seed/minmax_norm/Bugs/bug_OOB_INIT.txt"));
    auto copy = Store::open(tmp / "copy.db", test::no_seed());
    auto r = copy.import_chrysalis(tmp / "out");
    EXPECT_TRUE(r.rejected.empty());
    EXPECT_EQ(r.examples_added, n);
    // Same content hashes: importing the export into the original adds nothing.
    EXPECT_EQ(store.import_chrysalis(tmp / "out").examples_added, 0u);
}

} // namespace
} // namespace hlsv::rag
