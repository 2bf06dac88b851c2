// End-to-end: the real hlsv binary — exit codes, formats, baselines, SARIF Multitool validation,
// and a git pre-commit hook in a temporary repository.
#include "core/core.h"

#include <array>
#include <cstdio>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace hlsv {
namespace {

struct CmdResult {
    int status = -1;
    std::string out;
};

// Runs a shell command (stdout captured, stderr appended) and returns its exit status.
CmdResult run(const std::string& cmd) {
    CmdResult r;
    FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
    if (!p) {
        return r;
    }
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) {
        r.out.append(buf.data(), n);
    }
    int st = ::pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

std::string q(const fs::path& p) {
    std::string s = "'";
    s += p.string();
    s += '\'';
    return s;
}
const std::string k_hlsv = HLSV_BIN;
const fs::path k_fix = HLSV_CHECK_FIXTURES;

class TempDir {
  public:
    TempDir() {
        path_ = fs::temp_directory_path() /
                ("hlsv_check_cli_" + std::to_string(::getpid()) + "_" + std::to_string(n_++));
        fs::create_directories(path_);
    }
    ~TempDir() { fs::remove_all(path_); }
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
    static inline int n_ = 0;
};

TEST(CheckCli, ExitCodes) {
    EXPECT_EQ(run(k_hlsv + " check " + q(k_fix / "hls-nested-pipeline" / "fire.cpp")).status, 1);
    EXPECT_EQ(run(k_hlsv + " check " + q(k_fix / "hls-nested-pipeline" / "ok.cpp")).status, 0);
    CmdResult bad =
        run(k_hlsv + " check --rules hls-nested-pipeline,nope " + q(k_fix / "hls-nested-pipeline"));
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.out.find("unknown rule 'nope'"), std::string::npos) << bad.out;
    EXPECT_EQ(run(k_hlsv + " check /no/such/file.cpp").status, 2);
    EXPECT_EQ(run(k_hlsv + " check --severity fatal " + q(k_fix)).status, 2);
    // Only warnings (hls-unroll-inner-loop): clean at --severity error.
    EXPECT_EQ(
        run(k_hlsv + " check --severity error " + q(k_fix / "hls-unroll-inner-loop" / "fire.cpp"))
            .status,
        0);
    EXPECT_EQ(
        run(k_hlsv + " check --severity warning " + q(k_fix / "hls-unroll-inner-loop" / "fire.cpp"))
            .status,
        1);
}

TEST(CheckCli, FormatsAndOutputFile) {
    TempDir dir;
    CmdResult j = run(k_hlsv + " check --format json " + q(k_fix / "hls-shift-width"));
    ASSERT_EQ(j.status, 1) << j.out;
    auto doc = nlohmann::json::parse(j.out);
    EXPECT_EQ(doc["files_checked"], 2);
    EXPECT_EQ(doc["findings"].size(), 3u);
    CmdResult t = run(k_hlsv + " check -o " + q(dir.path() / "out.xml") + " --format junit " +
                      q(k_fix / "hls-shift-width"));
    EXPECT_EQ(t.status, 1);
    EXPECT_NE(read_file(dir.path() / "out.xml").find("<testsuites"), std::string::npos);
    CmdResult list = run(k_hlsv + " check --list-rules");
    EXPECT_EQ(list.status, 0);
    EXPECT_NE(list.out.find("hls-nested-pipeline\tMLP\terror\t"), std::string::npos) << list.out;
}

TEST(CheckCli, WriteBaselineThenBaselineIsClean) {
    TempDir dir;
    fs::path src = dir.path() / "d.cpp";
    fs::copy_file(k_fix / "hls-nested-pipeline" / "fire.cpp", src);
    fs::path base = dir.path() / "base.json";
    EXPECT_EQ(run(k_hlsv + " check --write-baseline " + q(base) + " " + q(src)).status, 1);
    EXPECT_EQ(run(k_hlsv + " check --baseline " + q(base) + " " + q(src)).status, 0);
    // Shift the code: still baselined. Add a bug: reported.
    write_file_atomic(src, "// moved\n\n" + read_file(src) +
                               "unsigned g(unsigned x) { return x << 32; }\n");
    CmdResult r = run(k_hlsv + " check --baseline " + q(base) + " " + q(src));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.out.find("hls-shift-width"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("hls-nested-pipeline"), std::string::npos) << r.out;
}

TEST(CheckCli, SarifPassesTheMultitoolValidator) {
    TempDir dir;
    fs::path sarif = dir.path() / "out.sarif";
    CmdResult r =
        run("cd " + q(k_fix) + " && " + k_hlsv + " check --format sarif -o " + q(sarif) + " .");
    ASSERT_EQ(r.status, 1) << r.out;
    auto doc = nlohmann::json::parse(read_file(sarif));
    ASSERT_EQ(doc["version"], "2.1.0");
    ASSERT_FALSE(doc["runs"][0]["results"].empty());
    fs::path tool = HLSV_SARIF_MULTITOOL;
    if (!fs::exists(tool)) {
        GTEST_SKIP() << "SARIF Multitool not fetched (npm unavailable); structural checks only";
    }
    fs::path log = dir.path() / "validation.sarif";
    CmdResult v = run(q(tool) + " validate " + q(sarif) + " -o " + q(log));
    ASSERT_TRUE(fs::exists(log)) << v.out;
    auto vlog = nlohmann::json::parse(read_file(log));
    int errors = 0;
    for (const auto& res : vlog["runs"][0]["results"]) {
        if (res.value("level", "warning") == "error") {
            ++errors;
            ADD_FAILURE() << res.dump();
        }
    }
    EXPECT_EQ(errors, 0) << v.out;
}

TEST(CheckCli, GitPreCommitHookBlocksNestedPipeline) {
    if (run("git --version").status != 0) {
        GTEST_SKIP() << "git not installed";
    }
    TempDir dir;
    const std::string git =
        "git -C " + q(dir.path()) + " -c user.name=t -c user.email=t@example.com ";
    ASSERT_EQ(run("git init -q " + q(dir.path())).status, 0);
    // The hook docs/ci.md describes: check the staged C/C++ files with hlsv.
    std::string hook = "#!/bin/sh\n"
                       "files=$(git diff --cached --name-only --diff-filter=ACMR | grep -E "
                       "'\\.(c|cc|cpp|h|hpp)$')\n"
                       "[ -z \"$files\" ] && exit 0\n"
                       "exec ";
    hook += k_hlsv;
    hook += " check $files\n";
    write_file_atomic(dir.path() / ".git" / "hooks" / "pre-commit", hook);
    fs::permissions(dir.path() / ".git" / "hooks" / "pre-commit", fs::perms::owner_all);

    fs::copy_file(k_fix / "hls-nested-pipeline" / "ok.cpp", dir.path() / "top.cpp");
    ASSERT_EQ(run(git + "add top.cpp").status, 0);
    CmdResult clean = run(git + "commit -q -m clean");
    EXPECT_EQ(clean.status, 0) << clean.out;

    fs::copy_file(k_fix / "hls-nested-pipeline" / "fire.cpp", dir.path() / "top.cpp",
                  fs::copy_options::overwrite_existing);
    ASSERT_EQ(run(git + "add top.cpp").status, 0);
    CmdResult blocked = run(git + "commit -q -m nested");
    EXPECT_NE(blocked.status, 0);
    EXPECT_NE(blocked.out.find("hls-nested-pipeline"), std::string::npos) << blocked.out;
    EXPECT_EQ(run(git + "rev-list --count HEAD").out, "1\n");
}

} // namespace
} // namespace hlsv
