// `hlsv eval` in shards through the real binary: the Slurm scripts (--dry-run, and a submission
// to a stand-in sbatch), shards evaluated one by one then merged against one unsharded run on
// the same samples, and a merge refused when a shard file is missing or broken.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path k_fixtures = fs::path(HLSV_TEST_FIXTURES) / "assist";

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

class EvalShards : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("hlsv_eval_shards_" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "ds");
        fs::create_directories(dir_ / "bin");
        // Two functional samples and one filed under a pragma type, so the merge has to rebuild
        // both target groups and two types.
        std::string golden = slurp(k_fixtures / "saturate_sum" / "saturate_sum.cpp");
        std::ofstream s(dir_ / "ds" / "samples.jsonl");
        const std::pair<const char*, const char*> bugs[] = {
            {"wrong_operand", "OOB"}, {"changed_constant", "OOB"}, {"deleted_line", "APT"}};
        for (const auto& [bug, type] : bugs) {
            json row = {{"id", bug},
                        {"design", "saturate_sum"},
                        {"design_dir", (k_fixtures / "saturate_sum").string()},
                        {"source_file", "saturate_sum.cpp"},
                        {"bug_types", {type}},
                        {"golden_code", golden},
                        {"buggy_code", slurp(k_fixtures / "bugs" / (std::string(bug) + ".cpp"))}};
            s << row.dump() << "\n";
        }
    }
    void TearDown() override { fs::remove_all(dir_); }

    CliRun eval(const std::string& args) {
        // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "lit" + std::string.
        std::string cmd = "PATH=";
        cmd += (dir_ / "bin").string();
        cmd += ":$PATH HLSV_DB=";
        cmd += (dir_ / "rag.db").string();
        cmd += " ";
        cmd += HLSV_BIN;
        cmd += " eval " + (dir_ / "ds").string() + " --backend rules " + args;
        cmd += " > " + (dir_ / "out").string() + " 2> " + (dir_ / "err").string();
        CliRun r;
        r.exit = WEXITSTATUS(std::system(cmd.c_str()));
        r.out = slurp(dir_ / "out");
        r.err = slurp(dir_ / "err");
        return r;
    }

    /// A stand-in sbatch on PATH: logs its arguments, answers with a job id.
    void fake_sbatch() {
        fs::path sbatch = dir_ / "bin" / "sbatch";
        std::ofstream(sbatch) << "#!/bin/sh\necho \"$@\" >> " << (dir_ / "sbatch.log").string()
                              << "\necho 4242\n";
        fs::permissions(sbatch, fs::perms::owner_all);
    }

    fs::path dir_;
};

/// A result without its wall time, the one field two runs cannot share.
json without_seconds(json j) {
    j.erase("seconds");
    return j;
}

TEST_F(EvalShards, DryRunPrintsTheArrayItsShardCommandAndAnAfterokMergeAndSubmitsNothing) {
    fake_sbatch();
    auto r = eval("--limit 2 --slurm --shards 3 --partition batch --dry-run");
    ASSERT_EQ(r.exit, 0) << r.err;
    auto merge_at = r.out.find("merge.sbatch");
    ASSERT_NE(merge_at, std::string::npos) << r.out;
    std::string array = r.out.substr(0, merge_at), merge = r.out.substr(merge_at);
    EXPECT_NE(array.find("#SBATCH --array=0-2\n"), std::string::npos) << array;
    EXPECT_NE(array.find("#SBATCH --partition=batch\n"), std::string::npos) << array;
    EXPECT_NE(array.find(" eval "), std::string::npos) << array;
    EXPECT_NE(array.find("'--limit' '2'"), std::string::npos) << "the user's options reach tasks";
    EXPECT_NE(array.find("--shard \"$i/3\""), std::string::npos) << array;
    EXPECT_EQ(array.find("--merge-shards"), std::string::npos) << array;
    EXPECT_NE(merge.find("--dependency=afterok"), std::string::npos) << merge;
    EXPECT_NE(merge.find("#SBATCH --kill-on-invalid-dep=yes\n"), std::string::npos) << merge;
    EXPECT_NE(merge.find("--merge-shards 3\n"), std::string::npos) << merge;
    EXPECT_EQ(merge.find("--shard \""), std::string::npos) << merge;
    EXPECT_NE(merge.find("--shard-dir '" + (dir_ / "ds" / "eval-shards" / "rules").string()),
              std::string::npos)
        << merge;
    EXPECT_FALSE(fs::exists(dir_ / "sbatch.log")) << "--dry-run called sbatch";
    EXPECT_FALSE(fs::exists(dir_ / "ds" / "eval-shards")) << "--dry-run wrote scripts";
    EXPECT_FALSE(fs::exists(dir_ / "ds" / "eval.json"));
}

TEST_F(EvalShards, SubmissionQueuesTheMergeAfterTheArray) {
    fake_sbatch();
    auto r = eval("--slurm --shards 2 --shard-dir " + (dir_ / "sd").string());
    ASSERT_EQ(r.exit, 0) << r.err;
    std::string log = slurp(dir_ / "sbatch.log");
    std::string array_line = log.substr(0, log.find('\n'));
    std::string merge_line = log.substr(log.find('\n') + 1);
    EXPECT_NE(array_line.find((dir_ / "sd" / "slurm" / "shards.sbatch").string()),
              std::string::npos)
        << log;
    EXPECT_NE(merge_line.find("--dependency=afterok:4242"), std::string::npos) << log;
    EXPECT_NE(merge_line.find((dir_ / "sd" / "slurm" / "merge.sbatch").string()), std::string::npos)
        << log;
    EXPECT_NE(slurp(dir_ / "sd" / "slurm" / "merge.sbatch").find("--merge-shards 2"),
              std::string::npos);
    EXPECT_EQ(json::parse(slurp(dir_ / "sd" / "slurm" / "plan.json"))["merge_job"], "4242");
}

TEST_F(EvalShards, ShardsMergedGiveTheUnshardedResultSampleForSample) {
    auto whole = eval("--format json");
    ASSERT_EQ(whole.exit, 0) << whole.err;
    json unsharded = json::parse(whole.out);
    ASSERT_EQ(unsharded["samples"], 3);
    json saved_whole = json::parse(slurp(dir_ / "ds" / "eval.json"));
    fs::remove(dir_ / "ds" / "eval.json");

    // Two shards in reverse order: shard 0 holds samples 0 and 2, shard 1 sample 1.
    fs::path sd = dir_ / "sd";
    for (int i : {1, 0}) {
        auto r = eval("--shard " + std::to_string(i) + "/2 --shard-dir " + sd.string());
        ASSERT_EQ(r.exit, 0) << r.err;
    }
    EXPECT_FALSE(fs::exists(dir_ / "ds" / "eval.json")) << "a shard wrote eval.json";
    std::vector<std::size_t> indices;
    for (int i : {0, 1}) {
        json shard = json::parse(slurp(sd / ("shard-" + std::to_string(i) + "-of-2.json")));
        for (const auto& e : shard.at("samples")) {
            indices.push_back(e.at("index").get<std::size_t>());
        }
    }
    EXPECT_EQ(indices, (std::vector<std::size_t>{0, 2, 1}));

    auto merged = eval("--merge-shards 2 --format json --shard-dir " + sd.string());
    ASSERT_EQ(merged.exit, 0) << merged.err;
    EXPECT_EQ(without_seconds(json::parse(merged.out)), without_seconds(unsharded));
    json saved_merged = json::parse(slurp(dir_ / "ds" / "eval.json"));
    ASSERT_EQ(saved_merged.size(), 1u);
    EXPECT_EQ(without_seconds(saved_merged[0]), without_seconds(saved_whole[0]));

    // Per sample too: one shard of one is the unsharded run's samples, in its order.
    auto one = eval("--shard 0/1 --shard-dir " + (dir_ / "one").string());
    ASSERT_EQ(one.exit, 0) << one.err;
    json all = json::parse(slurp(dir_ / "one" / "shard-0-of-1.json")).at("samples");
    json s0 = json::parse(slurp(sd / "shard-0-of-2.json")).at("samples");
    json s1 = json::parse(slurp(sd / "shard-1-of-2.json")).at("samples");
    EXPECT_EQ(json::array({s0[0], s1[0], s0[1]}), all);
}

TEST_F(EvalShards, MergeWithAShardMissingOrBrokenExits2AndWritesNothing) {
    fs::path sd = dir_ / "sd";
    // --limit 1: shard 0 evaluates the one sample, shard 1 is empty (not an error).
    ASSERT_EQ(eval("--limit 1 --shard 0/2 --shard-dir " + sd.string()).exit, 0);
    fs::path out_file = dir_ / "result.json";
    std::ofstream(dir_ / "ds" / "eval.json") << "[]\n";
    std::string merge =
        "--limit 1 --merge-shards 2 -o " + out_file.string() + " --shard-dir " + sd.string();
    fs::path second = sd / "shard-1-of-2.json";

    auto missing = eval(merge);
    EXPECT_EQ(missing.exit, 2) << missing.err;
    EXPECT_NE(missing.err.find(second.string() + ": missing"), std::string::npos) << missing.err;
    EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1) << missing.err;

    std::ofstream(second) << "{\"format\": \"hlsv-eval-shard/1\", \"shard\": 1";
    auto broken = eval(merge);
    EXPECT_EQ(broken.exit, 2) << broken.err;
    EXPECT_NE(broken.err.find(second.string() + ": malformed shard file"), std::string::npos)
        << broken.err;

    fs::copy_file(sd / "shard-0-of-2.json", second, fs::copy_options::overwrite_existing);
    auto other = eval(merge);
    EXPECT_EQ(other.exit, 2) << other.err;
    EXPECT_NE(other.err.find(second.string() + ": holds shard 0 of 2, not 1 of 2"),
              std::string::npos)
        << other.err;

    EXPECT_EQ(slurp(dir_ / "ds" / "eval.json"), "[]\n") << "a refused merge wrote eval.json";
    EXPECT_FALSE(fs::exists(out_file)) << "a refused merge wrote -o";

    // The same merge once the shard is there: it does write, so the checks above can fail.
    ASSERT_EQ(eval("--limit 1 --shard 1/2 --shard-dir " + sd.string()).exit, 0);
    auto ok = eval(merge);
    ASSERT_EQ(ok.exit, 0) << ok.err;
    EXPECT_NE(slurp(dir_ / "ds" / "eval.json"), "[]\n");
    EXPECT_TRUE(fs::exists(out_file));
}

} // namespace
