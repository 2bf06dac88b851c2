// `hlsv rag ...` run as a real process: outputs, exit codes and one-line errors.
#include "helpers.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace hlsv::rag {
namespace {

using test::TempDir;

struct Result {
    int exit = -1;
    std::string out, err;
};

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

Result run(const TempDir& tmp, const std::vector<std::string>& args, const std::string& env = "") {
    std::string cmd = env + " " + quote(HLSV_EXE);
    // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on `" " + std::string&&`.
    for (const auto& a : args) {
        cmd += ' ';
        cmd += quote(a);
    }
    cmd += " >";
    cmd += quote((tmp / "out.txt").string());
    cmd += " 2>";
    cmd += quote((tmp / "err.txt").string());
    int st = std::system(cmd.c_str());
    Result r;
    r.exit = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.out = read_file(tmp / "out.txt");
    r.err = read_file(tmp / "err.txt");
    return r;
}

std::size_t lines(const std::string& s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

const std::string k_fir =
    std::string(HLSV_SOURCE_DIR) + "/ragdb/seed/hlsv_seed/fir_filter/Source_Code/fir_filter.cpp";

TEST(RagCli, StatsQueryImportExport) {
    TempDir tmp;
    std::string db = (tmp / "s.db").string();
    auto stats = run(tmp, {"rag", "stats", "--format", "json", "--db", db});
    ASSERT_EQ(stats.exit, 0) << stats.err;
    auto j = nlohmann::json::parse(stats.out);
    for (const char* key :
         {"designs", "examples", "by_type", "by_origin", "by_verdict", "embedders", "bytes"}) {
        EXPECT_TRUE(j.contains(key)) << key;
    }
    EXPECT_GE(j["by_type"]["ILNU"].get<int>(), 3);

    auto q = run(tmp, {"rag", "query", k_fir, "--bug", "OOB", "--k", "3", "--db", db});
    ASSERT_EQ(q.exit, 0) << q.err;
    auto picks = nlohmann::ordered_json::parse(q.out).at("examples");
    ASSERT_EQ(picks.size(), 3u);
    std::vector<std::string> keys;
    for (auto it = picks[0].begin(); it != picks[0].end(); ++it) {
        keys.push_back(it.key());
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"id", "design", "suite", "bug_types", "relevance",
                                              "mmr_score", "injection"}));
    EXPECT_EQ(picks[0]["injection"]["Error Specification"][0]["Error Type"], "OOB");
    auto text = run(tmp, {"rag", "query", k_fir, "--bug", "oob", "--format", "text", "--db", db});
    EXPECT_EQ(text.exit, 0);
    EXPECT_EQ(lines(text.out), 4u);

    test::make_design(tmp / "tree", "mine", "d1", test::design_source(1),
                      {{"bug_OOB.txt", test::bug_json("OOB", "out[i] = acc;", "out[i+1] = acc;")},
                       {"bug_INIT.txt", "{broken"}});
    auto imp = run(tmp, {"rag", "import", (tmp / "tree").string(), "--db", db});
    EXPECT_EQ(imp.exit, 0) << imp.err;
    EXPECT_NE(imp.out.find("imported 1 examples"), std::string::npos) << imp.out;
    EXPECT_NE(imp.out.find("malformed-json: 1"), std::string::npos) << imp.out;
    EXPECT_EQ(imp.err.find('['), std::string::npos); // no progress bar off a terminal
    auto again =
        run(tmp, {"rag", "import", (tmp / "tree").string(), "--db", db, "--format", "json"});
    EXPECT_EQ(nlohmann::json::parse(again.out)["examples_added"], 0);

    auto exp = run(tmp, {"rag", "export", (tmp / "exp").string(), "--db", db});
    EXPECT_EQ(exp.exit, 0) << exp.err;
    EXPECT_TRUE(fs::exists(tmp / "exp/mine/d1/Bugs/bug_OOB.txt"));

    // $HLSV_DB when --db is absent.
    auto env = run(tmp, {"rag", "stats", "--format", "json"}, "HLSV_DB=" + quote(db));
    EXPECT_EQ(nlohmann::json::parse(env.out)["examples"], j["examples"].get<int>() + 1);
}

TEST(RagCli, BadInputIsOneLineAndExitTwo) {
    TempDir tmp;
    std::string db = (tmp / "s.db").string();
    auto expect_error = [&](const std::vector<std::string>& args, const std::string& needle) {
        auto r = run(tmp, args);
        EXPECT_EQ(r.exit, 2) << r.err;
        EXPECT_EQ(lines(r.err), 1u) << r.err;
        EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
    };
    expect_error({"rag", "query", k_fir, "--bug", "OOB", "--lambda", "2", "--db", db}, "lambda");
    expect_error({"rag", "query", k_fir, "--bug", "NOPE", "--db", db}, "NOPE");
    test::write(tmp / "bad.json", "{\"Error Size\": 1,");
    expect_error({"rag", "add", k_fir, (tmp / "bad.json").string(), "--db", db}, "bad.json");
    test::write(tmp / "u16.txt", std::string("\xff\xfe{\0\"\0", 6));
    expect_error({"rag", "add", k_fir, (tmp / "u16.txt").string(), "--db", db}, "u16.txt");
    test::write(tmp / "junk.db", std::string(4096, 'j'));
    expect_error({"rag", "stats", "--db", (tmp / "junk.db").string()}, "junk.db");
    expect_error({"rag", "import", (tmp / "nowhere").string(), "--db", db}, "nowhere");

    test::write(tmp / "ok.txt", test::bug_json("OOB", "acc += taps[t] * coeff[t];",
                                               "acc += taps[t + 1] * coeff[t];"));
    auto add = run(tmp, {"rag", "add", k_fir, (tmp / "ok.txt").string(), "--db", db});
    EXPECT_EQ(add.exit, 0) << add.err;
    EXPECT_NE(add.out.find("added example"), std::string::npos);
    add = run(tmp, {"rag", "add", k_fir, (tmp / "ok.txt").string(), "--db", db});
    EXPECT_NE(add.out.find("already stored"), std::string::npos);
}

} // namespace
} // namespace hlsv::rag
