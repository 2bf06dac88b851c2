// Issue #7, faults: two runs on one store (the second is refused: exit 2, one clear line), and a
// full disk (RLIMIT_FSIZE in the child: writes fail with EFBIG) that must end in a clear error
// with the store still sound.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "helpers.h"

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
        [&] { return query_long(db, "SELECT count(*) FROM runs") >= 1 || !first.running(); },
        120));
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
    auto warm = run_hlsv(generate_args(suites, db, dir / "warm", "DID"));
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
    EXPECT_TRUE(last.find("full") != std::string::npos || last.find("too large") != std::string::npos ||
                last.find("space") != std::string::npos)
        << "the cause is named: " << last;

    EXPECT_EQ(integrity_check(db), "ok");
    // The store is still usable: the earlier run's items are there and a later run completes.
    EXPECT_GE(query_long(db, "SELECT count(*) FROM run_items WHERE status = 'done'"),
              samples_before);
    auto again = run_hlsv(generate_args(suites, db, dir / "out", k_bugs));
    EXPECT_EQ(again.exit, 0) << again.err;
    EXPECT_EQ(integrity_check(db), "ok");
}

} // namespace
} // namespace hlsv::pipeline::test
