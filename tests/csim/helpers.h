// Shared helpers for the csim tests: fixture paths, a private cache dir per test, and variants
// made by editing the golden text.
#pragma once

#include "csim/csim.h"
#include "tempdir.h"

#include <gtest/gtest.h>
#include <string>

namespace hlsv::csim::test {

inline fs::path fixture(const std::string& name) {
    return fs::path(HLSV_CSIM_FIXTURES) / name;
}

/// `text` with the first `from` replaced by `to`; fails the test when `from` is absent.
inline std::string edit(const std::string& text, const std::string& from, const std::string& to) {
    auto p = text.find(from);
    EXPECT_NE(p, std::string::npos) << "fixture text lacks: " << from;
    if (p == std::string::npos) {
        return text;
    }
    std::string out = text;
    out.replace(p, from.size(), to);
    return out;
}

/// A simulator with its own cache dir (removed at the end of the test).
struct SimFixture : ::testing::Test {
    TempDir cache{"hlsv-csim-test-cache-"};
    Options options(double timeout = 0) {
        Options o;
        o.cache_dir = cache.path();
        o.timeout_s = timeout;
        o.jobs = 2;
        return o;
    }
};

/// Processes whose command line contains `marker` (for leak checks).
int processes_with(const std::string& marker);

} // namespace hlsv::csim::test
