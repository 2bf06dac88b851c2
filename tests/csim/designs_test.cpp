// Golden C simulation of every benchmark design that has an hlsv.json: each must pass.
#include "helpers.h"

#include <atomic>
#include <thread>

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
    // Two at a time: the simulator is thread-safe and most of the time is the compiler.
    std::vector<std::string> failures(dirs.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next++) < dirs.size();) {
            DesignSpec d = load_design(dirs[i]);
            if (!d.has_testbench()) {
                continue;
            }
            auto r = sim.run_golden(d);
            if (r.verdict != Verdict::pass) {
                failures[i] = std::string(verdict_name(r.verdict)) + ": " + r.detail + "\n" +
                              r.stderr_text.substr(0, 2000);
            }
        }
    };
    std::thread other(worker);
    worker();
    other.join();
    for (std::size_t i = 0; i < dirs.size(); ++i) {
        EXPECT_EQ(failures[i], "") << dirs[i].filename();
    }
}

} // namespace
} // namespace hlsv::csim::test
