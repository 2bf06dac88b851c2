// Issue #7, `hlsv report`: the HTML is self-contained (nothing fetched from the network or from
// other files), draws its charts as inline SVG and has one table row per sample; and a real
// headless browser renders it with its script running to the end.
#include "helpers.h"

#include <gtest/gtest.h>
#include <regex>

namespace hlsv::pipeline::test {
namespace {

class ReportTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        auto gen = run_hlsv(generate_args({(fixtures() / "tiny").string()}, *dir_ / "rag.db",
                                          *dir_ / "out", "OOB,ZERO,DID,DFP"));
        generated_ = gen.exit == 0;
        if (!generated_) {
            std::fprintf(stderr, "generate failed: %s\n", gen.err.c_str());
        }
    }
    static void TearDownTestSuite() { delete dir_; }
    void SetUp() override { ASSERT_TRUE(generated_); }
    static fs::path out() { return *dir_ / "out"; }
    static inline TempDir* dir_ = nullptr;
    static inline bool generated_ = false;
};

TEST_F(ReportTest, HtmlIsSelfContainedWithSvgChartsAndARowPerSample) {
    fs::path html_file = *dir_ / "report.html";
    auto r = run_hlsv({"report", out().string(), "-o", html_file.string()});
    ASSERT_EQ(r.exit, 0) << r.err;
    std::string html = slurp(html_file);
    ASSERT_FALSE(html.empty());
    EXPECT_EQ(html.find("http://"), std::string::npos) << "no network resource";
    EXPECT_EQ(html.find("https://"), std::string::npos) << "no network resource";
    EXPECT_EQ(html.find("<link"), std::string::npos) << "no external stylesheet";
    EXPECT_EQ(html.find("@import"), std::string::npos);
    EXPECT_FALSE(std::regex_search(html, std::regex(R"(\b(src|href)\s*=)")))
        << "no external script, image or link";
    std::size_t svgs = 0;
    for (auto p = html.find("<svg"); p != std::string::npos; p = html.find("<svg", p + 1)) {
        ++svgs;
    }
    EXPECT_GE(svgs, 4u) << "validity per type and strategy, reasons, suites, stages";
    auto samples = read_jsonl(out() / "samples.jsonl");
    ASSERT_FALSE(samples.empty());
    std::size_t rows = 0;
    for (auto p = html.find("<tr data-key="); p != std::string::npos;
         p = html.find("<tr data-key=", p + 1)) {
        ++rows;
    }
    EXPECT_EQ(rows, samples.size());
    for (const auto& s : samples) {
        EXPECT_NE(html.find(s["design"].get<std::string>()), std::string::npos);
    }
}

TEST_F(ReportTest, DefaultOutputGoesIntoTheDatasetAndBadInputIsOneLine) {
    auto r = run_hlsv({"report", out().string()});
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_TRUE(fs::exists(out() / "report.html"));
    TempDir empty;
    auto bad = run_hlsv({"report", empty.path().string()});
    EXPECT_EQ(bad.exit, 2);
    EXPECT_NE(bad.err.find(empty.path().string()), std::string::npos) << bad.err;
    EXPECT_EQ(std::count(bad.err.begin(), bad.err.end(), '\n'), 1) << bad.err;
}

TEST_F(ReportTest, HeadlessChromiumRendersTheChartsAndRunsTheScript) {
    const fs::path chromium = "/usr/bin/chromium";
    if (!fs::exists(chromium)) {
        GTEST_SKIP() << "no /usr/bin/chromium (scripts/install-deps.sh installs it)";
    }
    fs::path html_file = *dir_ / "browser.html";
    ASSERT_EQ(run_hlsv({"report", out().string(), "-o", html_file.string()}).exit, 0);
    TempDir profile;
    Child browser({chromium.string(), "--headless", "--no-sandbox", "--disable-gpu",
                   "--disable-quic", "--no-first-run", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync",
                   "--user-data-dir=" + profile.path().string(), "--dump-dom",
                   "file://" + html_file.string()});
    ASSERT_EQ(browser.wait_for(120), 0) << browser.err();
    std::string dom = browser.out();
    EXPECT_NE(dom.find("data-ready=\"1\""), std::string::npos)
        << "the report's script did not run to the end";
    EXPECT_NE(dom.find("<svg"), std::string::npos);
    EXPECT_NE(dom.find("<rect"), std::string::npos) << "the charts have bars";
    EXPECT_NE(dom.find("id=\"samples\""), std::string::npos);
}

} // namespace
} // namespace hlsv::pipeline::test
