// Recall on pragma bugs written by hand from the catalog definitions (tests/check/bugset/):
// each file's `// BUG(TYPE)` line must get a finding of TYPE, for at least 80% of the files,
// and never only a finding of another catalog type (a right place with the wrong type is a miss
// that misleads, so it is counted on its own and must stay at zero).
#include "check/check.h"

#include <gtest/gtest.h>
#include <map>
#include <regex>

namespace hlsv::check {
namespace {

struct Expected {
    fs::path file;
    int line = 0;
    std::string type;
};

std::vector<Expected> bugset() {
    std::vector<Expected> out;
    const std::regex marker(R"(// BUG\(([A-Z]+)\))");
    for (const auto& e : fs::directory_iterator(fs::path(HLSV_CHECK_FIXTURES) / "bugset")) {
        auto ext = e.path().extension();
        if (ext != ".c" && ext != ".cpp") {
            continue;
        }
        SourceText src(read_file(e.path()));
        for (std::size_t l = 1; l <= src.line_count(); ++l) {
            std::string line(src.line(l));
            std::smatch m;
            if (std::regex_search(line, m, marker)) {
                out.push_back({e.path(), static_cast<int>(l), m[1]});
            }
        }
    }
    std::sort(out.begin(), out.end(),
              [](const Expected& a, const Expected& b) { return a.file < b.file; });
    return out;
}

TEST(BugSet, HandWrittenPragmaBugsFoundAtTheLineWithTheirType) {
    auto cases = bugset();
    ASSERT_GE(cases.size(), 20u);
    static const std::set<std::string> catalog = {"APT",  "FND", "DID", "DFP", "IDAP",
                                                  "RAMB", "SMA", "AMS", "MLP", "ILNU"};
    std::map<std::string, std::pair<int, int>> per_type; // hits, total
    int hits = 0, wrong_type = 0;
    for (const auto& c : cases) {
        auto findings = check_source(c.file.string(), read_file(c.file));
        bool hit = false, other = false;
        std::string seen;
        for (const auto& f : findings) {
            if (f.line != c.line || !f.type) {
                continue;
            }
            seen += " " + *f.type + "(" + f.rule + ")";
            hit = hit || *f.type == c.type;
            other = other || (catalog.count(*f.type) && *f.type != c.type);
        }
        per_type[c.type].second++;
        if (hit) {
            per_type[c.type].first++;
            ++hits;
        } else {
            wrong_type += other;
            std::printf("  miss %s:%d %s; found:%s\n", c.file.filename().c_str(), c.line,
                        c.type.c_str(), seen.empty() ? " nothing" : seen.c_str());
        }
    }
    for (const auto& [t, s] : per_type) {
        std::printf("  %-5s %d/%d\n", t.c_str(), s.first, s.second);
    }
    std::printf("  all   %d/%zu\n", hits, cases.size());
    EXPECT_GE(hits * 100, static_cast<int>(cases.size()) * 80);
    EXPECT_EQ(wrong_type, 0);
}

} // namespace
} // namespace hlsv::check
