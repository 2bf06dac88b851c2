// The editor's incremental parse (ParseCache) must give the findings a fresh parse gives, after
// any sequence of edits: typing, deleting, pasting, an `#if 0` that blanks far-away lines, and a
// buffer replaced by another file.
#include "check/check.h"

#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <sstream>

namespace hlsv::check {
namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> summary(const std::vector<Finding>& fs) {
    std::vector<std::string> out;
    for (const auto& f : fs) {
        out.push_back(f.rule + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ":" +
                      f.message);
    }
    return out;
}

std::vector<fs::path> fixtures() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(HLSV_CHECK_FIXTURES)) {
        if (e.is_directory() && fs::exists(e.path() / "fire.cpp")) {
            out.push_back(e.path() / "fire.cpp");
            out.push_back(e.path() / "ok.cpp");
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// One random edit of `text`: insert or delete a few bytes, or duplicate or drop a line, or
// wrap a line range in `#if 0` (changes the active text away from the edit).
std::string edit(std::string text, std::mt19937& rng) {
    auto pick = [&](std::size_t n) {
        return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    static const char* pieces[] = {"x", " ", ";", "\n", "{", "}", "i", "+ 1", "[2]", "//", "0"};
    switch (pick(5)) {
    case 0:
        text.insert(pick(text.size() + 1), pieces[pick(std::size(pieces))]);
        break;
    case 1: {
        std::size_t at = pick(text.size());
        text.erase(at, 1 + pick(4));
        break;
    }
    case 2: {
        std::size_t at = text.find('\n', pick(text.size()));
        if (at != std::string::npos) {
            std::size_t end = text.find('\n', at + 1);
            text.insert(at + 1, text.substr(at + 1, end == std::string::npos ? 0 : end - at));
        }
        break;
    }
    case 3: {
        std::size_t at = text.find('\n', pick(text.size()));
        std::size_t end = at == std::string::npos ? at : text.find('\n', at + 1);
        if (end != std::string::npos) {
            text.erase(at + 1, end - at);
        }
        break;
    }
    default: {
        std::size_t at = text.find('\n', pick(text.size()));
        std::size_t end = at == std::string::npos ? at : text.find('\n', at + 1);
        if (end != std::string::npos) {
            text.insert(end + 1, "#endif\n");
            text.insert(at + 1, "#if 0\n");
        }
        break;
    }
    }
    return text;
}

TEST(ParseCache, EditedBuffersGiveTheFindingsOfAFreshParse) {
    auto files = fixtures();
    ASSERT_GE(files.size(), 20u);
    std::mt19937 rng(20261203);
    int fired = 0;
    int checks = 0;
    for (const auto& file : files) {
        ParseCache cache;
        std::string text = slurp(file);
        for (int step = 0; step < 12; ++step) {
            auto cached = summary(check_source(file.string(), text, {}, nullptr, nullptr, &cache));
            auto fresh = summary(check_source(file.string(), text));
            ASSERT_EQ(cached, fresh) << file << " after " << step << " edits:\n" << text;
            fired += !fresh.empty();
            ++checks;
            text = edit(text, rng);
        }
    }
    // The comparison means something only if findings were there to lose.
    EXPECT_GT(fired, checks / 4);
}

TEST(ParseCache, ABufferReplacedByAnotherFileIsParsedAsThatFile) {
    auto files = fixtures();
    ASSERT_GE(files.size(), 2u);
    ParseCache cache;
    for (const auto& file : files) {
        std::string text = slurp(file);
        EXPECT_EQ(summary(check_source(file.string(), text, {}, nullptr, nullptr, &cache)),
                  summary(check_source(file.string(), text)))
            << file;
    }
}

} // namespace
} // namespace hlsv::check
