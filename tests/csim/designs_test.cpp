// Golden C simulation of every benchmark design that has an hlsv.json: each must pass.
#include "helpers.h"

namespace hlsv::csim::test {
namespace {

TEST(BenchmarkDesigns, EveryGoldenPasses) {
    fs::path root = HLSV_DESIGNS_DIR;
    std::vector<fs::path> dirs;
    if (fs::exists(root)) {
        for (const auto& e : fs::directory_iterator(root)) {
            if (fs::exists(e.path() / "hlsv.json")) {
                dirs.push_back(e.path());
            }
        }
    }
    if (dirs.empty()) {
        GTEST_SKIP() << "no benchmark designs with hlsv.json yet";
    }
    std::sort(dirs.begin(), dirs.end());
    TempDir cache("hlsv-csim-designs-cache-");
    Options o;
    o.cache_dir = cache.path();
    Simulator sim(o);
    for (const auto& dir : dirs) {
        DesignSpec d = load_design(dir);
        if (!d.has_testbench()) {
            continue;
        }
        auto r = sim.run_golden(d);
        EXPECT_EQ(r.verdict, Verdict::pass)
            << dir.filename() << ": " << r.detail << "\n" << r.stderr_text.substr(0, 2000);
    }
}

} // namespace
} // namespace hlsv::csim::test
