// Issue #7, exports: one generation run over the tiny fixture suite plus one benchmark design,
// then every export is checked against the others (samples.jsonl, the Chrysalis layout,
// sft.jsonl / sft_validation.jsonl, attempts.jsonl and manifest.json). Also: a suite with broken
// designs is skipped design by design, with reasons, and the rest still runs.
#include "core/core.h"
#include "helpers.h"

#include <gtest/gtest.h>

namespace hlsv::pipeline::test {
namespace {

const char* k_bugs = "OOB,ZERO,DID,DFP";

/// One run shared by the export checks (each check is its own test case).
class ExportsTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        result_ = new Result(run_hlsv(
            generate_args({(fixtures() / "tiny").string(), bench_design("moving_average").string()},
                          *dir_ / "rag.db", out(), k_bugs)));
    }
    static void TearDownTestSuite() {
        delete result_;
        delete dir_;
    }
    void SetUp() override { ASSERT_EQ(result_->exit, 0) << result_->err; }
    static fs::path out() { return *dir_ / "dataset"; }
    static inline TempDir* dir_ = nullptr;
    static inline Result* result_ = nullptr;
};

TEST_F(ExportsTest, SamplesHaveTheRequiredKeys) {
    auto samples = read_jsonl(out() / "samples.jsonl");
    ASSERT_GE(samples.size(), 4u) << "too few valid samples to test anything";
    std::set<std::string> designs;
    for (const auto& s : samples) {
        for (const char* k :
             {"id", "design", "suite", "bug_types", "golden_code", "buggy_code", "diff",
              "changed_lines", "verdict", "evidence", "backend", "strategy"}) {
            EXPECT_TRUE(s.contains(k)) << "sample " << s.value("id", "?") << " lacks " << k;
        }
        EXPECT_EQ(s["verdict"], "valid");
        EXPECT_EQ(s["backend"], "rules");
        EXPECT_NE(s["golden_code"], s["buggy_code"]) << s["id"];
        EXPECT_FALSE(s["changed_lines"].empty()) << s["id"];
        EXPECT_NE(s["diff"].get<std::string>().find("\n+"), std::string::npos) << s["id"];
        for (const auto& t : s["bug_types"]) {
            EXPECT_NE(std::string(k_bugs).find(t.get<std::string>()), std::string::npos) << t;
        }
        designs.insert(s["suite"].get<std::string>() + "/" + s["design"].get<std::string>());
    }
    auto ids = ids_of(samples);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), samples.size())
        << "duplicate sample ids";
    EXPECT_TRUE(designs.count("designs/moving_average")) << "the benchmark design is missing";
    EXPECT_GE(designs.size(), 3u);
}

TEST_F(ExportsTest, ChrysalisBugFilesParseAndTheirOriginalCodeIsInTheSource) {
    auto samples = read_jsonl(out() / "samples.jsonl");
    std::size_t bug_files = 0;
    for (const auto& e : fs::recursive_directory_iterator(out())) {
        if (!e.is_regular_file() || e.path().parent_path().filename() != "Bugs") {
            continue;
        }
        ++bug_files;
        EXPECT_EQ(e.path().filename().string().rfind("bug_", 0), 0u) << e.path();
        Injection inj;
        try {
            inj = parse_injection(slurp(e.path()));
        } catch (const std::exception& ex) {
            ADD_FAILURE() << e.path() << " is not a Chrysalis bug file: " << ex.what();
            continue;
        }
        EXPECT_EQ(static_cast<std::size_t>(inj.error_size), inj.specs.size()) << e.path();
        fs::path src_dir = e.path().parent_path().parent_path() / "Source_Code";
        ASSERT_TRUE(fs::is_directory(src_dir)) << src_dir;
        std::string source;
        for (const auto& f : fs::directory_iterator(src_dir)) {
            source += slurp(f.path());
        }
        for (const auto& spec : inj.specs) {
            EXPECT_NE(source.find(spec.original), std::string::npos)
                << e.path() << ": Original Code not in Source_Code: " << spec.original;
            EXPECT_NE(spec.original, spec.faulty) << e.path();
        }
    }
    EXPECT_EQ(bug_files, samples.size()) << "one bug file per valid sample";
    for (const auto& s : samples) {
        EXPECT_TRUE(fs::is_regular_file(out() / s.value("bug_file", "?"))) << s["id"];
    }
}

TEST_F(ExportsTest, ManifestCountsMatchTheFiles) {
    json m = json::parse(slurp(out() / "manifest.json"));
    auto samples = read_jsonl(out() / "samples.jsonl");
    auto attempts = read_jsonl(out() / "attempts.jsonl");
    auto train = read_jsonl(out() / "sft.jsonl");
    auto validation = read_jsonl(out() / "sft_validation.jsonl");
    EXPECT_EQ(m["samples"].get<std::size_t>(), samples.size());
    EXPECT_EQ(m["attempts"].get<std::size_t>(), attempts.size());
    EXPECT_GE(attempts.size(), samples.size());
    EXPECT_EQ(m["sft"]["train"].get<std::size_t>(), train.size());
    EXPECT_EQ(m["sft"]["validation"].get<std::size_t>(), validation.size());
    EXPECT_EQ(train.size() + validation.size(), samples.size());
    std::map<std::string, std::size_t> per_type, per_suite;
    for (const auto& s : samples) {
        for (const auto& t : s["bug_types"]) {
            ++per_type[t.get<std::string>()];
        }
        ++per_suite[s["suite"].get<std::string>()];
    }
    EXPECT_EQ(m["by_type"].get<decltype(per_type)>(), per_type);
    EXPECT_EQ(m["by_suite"].get<decltype(per_suite)>(), per_suite);
    for (const auto& f : m["files"]) {
        EXPECT_TRUE(fs::exists(out() / f.get<std::string>())) << f;
    }
    // Timings vary between runs: they live in run.json, so manifest.json stays reproducible.
    EXPECT_FALSE(m.contains("wall_seconds"));
    json r = json::parse(slurp(out() / "run.json"));
    EXPECT_GT(r["wall_seconds"].get<double>(), 0);
    EXPECT_GT(r["stage_seconds"]["validate"].get<double>(), 0);
    EXPECT_EQ(m["config"]["bugs"], json::parse(R"(["OOB","ZERO","DID","DFP"])"));
}

TEST_F(ExportsTest, SftLinesAreChatsAndNoDesignIsInBothSplits) {
    auto samples = read_jsonl(out() / "samples.jsonl");
    std::map<std::string, json> by_id;
    for (const auto& s : samples) {
        by_id[s["id"]] = s;
    }
    std::map<std::string, std::set<std::string>> designs; // split -> designs
    for (const char* split : {"sft.jsonl", "sft_validation.jsonl"}) {
        for (const auto& row : read_jsonl(out() / split)) {
            const auto& msgs = row["messages"];
            ASSERT_EQ(msgs.size(), 3u) << split;
            EXPECT_EQ(msgs[0]["role"], "system");
            EXPECT_EQ(msgs[1]["role"], "user");
            EXPECT_EQ(msgs[2]["role"], "assistant");
            for (const auto& m : msgs) {
                EXPECT_FALSE(m["content"].get<std::string>().empty()) << split;
            }
            ASSERT_TRUE(by_id.count(row["id"])) << split << ": unknown id " << row["id"];
            const json& s = by_id[row["id"]];
            EXPECT_EQ(msgs[1]["content"], s["buggy_code"]);
            // The answer names the bug types and a line the injection changed.
            json answer = json::parse(msgs[2]["content"].get<std::string>());
            ASSERT_FALSE(answer["bugs"].empty());
            for (const auto& b : answer["bugs"]) {
                EXPECT_NE(std::find(s["bug_types"].begin(), s["bug_types"].end(), b["type"]),
                          s["bug_types"].end());
                EXPECT_NE(
                    std::find(s["changed_lines"].begin(), s["changed_lines"].end(), b["line"]),
                    s["changed_lines"].end());
            }
            designs[split].insert(s["suite"].get<std::string>() + "/" +
                                  s["design"].get<std::string>());
        }
    }
    // Not vacuous: with these fixtures (row_sum's hash picks validation) both splits have designs.
    EXPECT_FALSE(designs["sft.jsonl"].empty());
    EXPECT_FALSE(designs["sft_validation.jsonl"].empty());
    for (const auto& d : designs["sft_validation.jsonl"]) {
        EXPECT_FALSE(designs["sft.jsonl"].count(d)) << d << " is in both splits";
    }
}

TEST_F(ExportsTest, AttemptsCoverEveryVerdictAndEveryValidSample) {
    auto samples = read_jsonl(out() / "samples.jsonl");
    std::set<std::string> valid_attempts;
    for (const auto& a : read_jsonl(out() / "attempts.jsonl")) {
        EXPECT_TRUE(a.contains("verdict") && a.contains("reason")) << a.dump();
        EXPECT_FALSE(a.contains("buggy_code")) << "attempts.jsonl stays small";
        if (a["verdict"] == "valid") {
            valid_attempts.insert(a["id"]);
        }
    }
    auto ids = ids_of(samples);
    EXPECT_EQ(valid_attempts, std::set<std::string>(ids.begin(), ids.end()));
}

TEST(BrokenSuite, BrokenDesignsAreSkippedWithAReasonAndTheRestRuns) {
    TempDir dir;
    auto r = run_hlsv(generate_args({(fixtures() / "broken").string()}, dir / "rag.db", dir / "out",
                                    "OOB,ZERO,DFP"));
    ASSERT_EQ(r.exit, 0) << r.err;
    json m = json::parse(slurp(dir / "out" / "manifest.json"));
    std::string skipped = m["skipped_designs"].dump();
    EXPECT_NE(skipped.find("missing_file"), std::string::npos) << skipped;
    EXPECT_NE(skipped.find("no_compile"), std::string::npos) << skipped;
    EXPECT_EQ(m["skipped_designs"].size(), 2u) << skipped;
    for (const auto& s : m["skipped_designs"]) {
        // "name: reason", the reason non-empty and on one line.
        std::string text = s.get<std::string>();
        auto colon = text.find(": ");
        ASSERT_NE(colon, std::string::npos) << text;
        EXPECT_GT(text.size(), colon + 4) << text;
        EXPECT_EQ(text.find('\n'), std::string::npos) << text;
    }
    EXPECT_NE(r.err.find("missing_file"), std::string::npos) << "the user is told: " << r.err;
    EXPECT_NE(r.err.find("no_compile"), std::string::npos) << "the user is told: " << r.err;
    auto samples = read_jsonl(dir / "out" / "samples.jsonl");
    ASSERT_FALSE(samples.empty()) << "the healthy design still yields samples";
    for (const auto& s : samples) {
        EXPECT_EQ(s["design"], "clamp");
    }
    for (const auto& a : read_jsonl(dir / "out" / "attempts.jsonl")) {
        EXPECT_EQ(a["design"], "clamp") << "no attempt is charged to a broken design";
    }
}

} // namespace
} // namespace hlsv::pipeline::test
