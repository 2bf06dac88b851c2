// Issue #7, faults: two runs on one store (the second is refused: exit 2, one clear line), and a
// full disk (RLIMIT_FSIZE in the child: writes fail with EFBIG) that must end in a clear error
// with the store still sound.
#include "helpers.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

namespace hlsv::pipeline::test {
namespace {

const char* k_bugs = "OOB,DFP";

/// The non-empty lines of `text`.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::string line;
    for (char c : text + "\n") {
        if (c == '\n') {
            if (!line.empty()) {
                out.push_back(line);
            }
            line.clear();
        } else {
            line += c;
        }
    }
    return out;
}

void expect_refused(const Result& r, const fs::path& db) {
    EXPECT_EQ(r.exit, 2) << r.err;
    auto lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 1u) << "one line, not: " << r.err;
    EXPECT_NE(lines[0].find("another hlsv generate is running"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find(db.filename().string()), std::string::npos) << "names the store";
}

TEST(Concurrency, SecondRunOnALockedStoreIsRefused) {
    TempDir dir;
    fs::path db = dir / "rag.db";
    // Hold the run lock the way a running hlsv generate does.
    int fd = ::open((db.string() + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
    auto r = run_hlsv(generate_args({(fixtures() / "tiny").string()}, db, dir / "out", k_bugs));
    expect_refused(r, db);
    EXPECT_FALSE(fs::exists(dir / "out")) << "a refused run writes nothing";
    ::close(fd);
    // Released: the same command now runs.
    auto ok = run_hlsv(generate_args({(fixtures() / "tiny").string()}, db, dir / "out", k_bugs));
    EXPECT_EQ(ok.exit, 0) << ok.err;
}

TEST(Concurrency, TwoRealRunsAtOnceOneIsRefusedTheOtherFinishes) {
    TempDir dir;
    fs::path db = dir / "rag.db";
    std::vector<std::string> suites{(fixtures() / "tiny").string(),
                                    bench_design("moving_average").string()};
    Child first(hlsv_argv(generate_args(suites, db, dir / "a", k_bugs)));
    // The first run holds the lock once it has started its run in the store.
    ASSERT_TRUE(poll_until(
        [&] { return query_long(db, "SELECT count(*) FROM runs") >= 1 || !first.running(); }, 120));
    ASSERT_TRUE(first.running()) << "the first run ended too early: " << first.err();
    auto second = run_hlsv(generate_args(suites, db, dir / "b", k_bugs));
    expect_refused(second, db);
    EXPECT_EQ(first.wait_for(300), 0) << first.err();
    EXPECT_FALSE(read_jsonl(dir / "a" / "samples.jsonl").empty());
}

TEST(Faults, FullDiskEndsInAClearErrorAndLeavesTheStoreSound) {
    TempDir dir;
    fs::path db = dir / "rag.db";
    std::vector<std::string> suites{(fixtures() / "tiny").string()};
    // A first, small run creates the store (and warms the C-simulation cache).
    auto warm = run_hlsv(generate_args(suites, db, dir / "warm", "APT"));
    ASSERT_EQ(warm.exit, 0) << warm.err;
    long size = static_cast<long>(fs::file_size(db));
    long samples_before = query_long(db, "SELECT count(*) FROM run_items WHERE status = 'done'");

    // Then the disk is full: no file may grow past its current size (plus a little).
    SpawnOptions full;
    full.fsize_limit = size + 4096;
    auto r = run_hlsv(generate_args(suites, db, dir / "out", k_bugs), full);
    EXPECT_NE(r.exit, 0) << "a full disk must not pass for success";
    EXPECT_LT(r.exit, 128) << "no crash: " << r.err;
    auto lines = lines_of(r.err);
    ASSERT_FALSE(lines.empty());
    const std::string& last = lines.back();
    EXPECT_EQ(last.rfind("hlsv: error: ", 0), 0u) << r.err;
    // SQLite reports EFBIG/ENOSPC as SQLITE_IOERR ("disk I/O error") or SQLITE_FULL.
    EXPECT_TRUE(last.find("disk I/O error") != std::string::npos ||
                last.find("full") != std::string::npos ||
                last.find("too large") != std::string::npos ||
                last.find("No space") != std::string::npos)
        << "the cause is named: " << last;
    EXPECT_NE(last.find(db.filename().string()), std::string::npos) << "the file is named";

    EXPECT_EQ(integrity_check(db), "ok");
    // The store is still usable: the earlier run's items are there and a later run completes.
    EXPECT_GE(query_long(db, "SELECT count(*) FROM run_items WHERE status = 'done'"),
              samples_before);
    auto again = run_hlsv(generate_args(suites, db, dir / "out", k_bugs));
    EXPECT_EQ(again.exit, 0) << again.err;
    EXPECT_EQ(integrity_check(db), "ok");
}

TEST(Faults, FullDiskDuringExportKeepsThePreviousExportWhole) {
    TempDir dir;
    // Designs with long sources, so samples.jsonl is much larger than what the store writes.
    auto args =
        generate_args({(fixtures() / "tiny").string(), bench_design("sha_compress").string(),
                       bench_design("aes_round").string()},
                      dir / "rag.db", dir / "out", "OOB,ZERO,DID,DFP");
    auto first = run_hlsv(args);
    ASSERT_EQ(first.exit, 0) << first.err;
    fs::remove(dir / "out" / "sft.jsonl"); // the rerun has to write it again
    auto before = tree(dir / "out");
    long samples_size = static_cast<long>(fs::file_size(dir / "out" / "samples.jsonl"));
    ASSERT_GT(samples_size, 64 * 1024) << "the fixture no longer makes a big enough export";
    // Everything is done, so the rerun only re-exports, and samples.jsonl no longer fits.
    SpawnOptions full;
    full.fsize_limit = samples_size / 2;
    auto r = run_hlsv(args, full);
    EXPECT_NE(r.exit, 0);
    EXPECT_LT(r.exit, 128) << r.err;
    auto lines = lines_of(r.err);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.back().rfind("hlsv: error: ", 0), 0u) << r.err;
    EXPECT_NE(lines.back().find("samples.jsonl"), std::string::npos)
        << "names the file it could not write: " << lines.back();
    EXPECT_NE(lines.back().find("File too large"), std::string::npos) << lines.back();
    // Atomic writes: each export file is the old one or absent, never a torn one.
    for (const auto& [name, text] : tree(dir / "out")) {
        ASSERT_TRUE(before.count(name)) << "stray file " << name;
        EXPECT_EQ(text, before[name]) << name << " is torn";
    }
    EXPECT_EQ(integrity_check(dir / "rag.db"), "ok");
    // With room again, the same command restores the full export.
    auto again = run_hlsv(args);
    ASSERT_EQ(again.exit, 0) << again.err;
    EXPECT_TRUE(fs::exists(dir / "out" / "sft.jsonl"));
}

} // namespace
} // namespace hlsv::pipeline::test
