// Tests of the shared vocabulary: files, text, hashes, the catalog, injections, config.
#include "core/core.h"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <set>

using namespace hlsv;

namespace {
fs::path temp_dir(const std::string& name) {
    fs::path d =
        fs::temp_directory_path() / ("hlsv_core_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}
} // namespace

TEST(Files, ReadMissingFileNamesPath) {
    try {
        read_file("/nonexistent/file.cpp");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/file.cpp"), std::string::npos);
        EXPECT_EQ(e.code(), ExitCode::usage);
    }
}

TEST(Files, ReadDirectoryIsAnError) {
    EXPECT_THROW(read_file(fs::temp_directory_path()), InputError);
}

TEST(Files, ReadRespectsSizeLimit) {
    auto d = temp_dir("limit");
    std::ofstream(d / "big.txt") << std::string(1000, 'x');
    EXPECT_THROW(read_file(d / "big.txt", 100), InputError);
    EXPECT_EQ(read_file(d / "big.txt", 1000).size(), 1000u);
    fs::remove_all(d);
}

TEST(Files, AtomicWriteReplacesAndLeavesNoTemp) {
    auto d = temp_dir("atomic");
    write_file_atomic(d / "sub" / "out.txt", "first");
    write_file_atomic(d / "sub" / "out.txt", "second");
    EXPECT_EQ(read_file(d / "sub" / "out.txt"), "second");
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(d / "sub")) {
        ++entries;
    }
    EXPECT_EQ(entries, 1);
    fs::remove_all(d);
}

TEST(Text, LineIndex) {
    SourceText t("a\nbb\n\nccc");
    EXPECT_EQ(t.line_count(), 4u);
    EXPECT_EQ(t.line(2), "bb");
    EXPECT_EQ(t.line(3), "");
    EXPECT_EQ(t.line(4), "ccc");
    EXPECT_EQ(t.line_of(0), 1);
    EXPECT_EQ(t.line_of(3), 2);
    EXPECT_EQ(t.line_of(6), 4);
}

TEST(Text, Utf8Validation) {
    EXPECT_TRUE(is_valid_utf8("plain ascii"));
    EXPECT_TRUE(is_valid_utf8("caf\xc3\xa9 \xe2\x80\xa6"));
    EXPECT_FALSE(is_valid_utf8("bad \xff byte"));
    EXPECT_FALSE(is_valid_utf8("truncated \xe2\x80"));
    EXPECT_FALSE(is_valid_utf8("overlong \xc0\xaf"));
}

TEST(Text, BinarySniffing) {
    EXPECT_TRUE(looks_binary(std::string("ab\0cd", 5)));
    EXPECT_FALSE(looks_binary("int main() { return 0; }\n"));
}

TEST(Hash, Sha256KnownVector) {
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Injection, ParsesAndRoundTripsChrysalisJson) {
    const char* text = R"({"Error Size": 1, "Error Specification": [
        {"Error Type": "OOB", "Original Code": "i < N", "Faulty Code": "i <= N"}]})";
    Injection inj = parse_injection(text);
    ASSERT_EQ(inj.specs.size(), 1u);
    EXPECT_EQ(inj.specs[0].type, "OOB");
    EXPECT_EQ(inj.specs[0].faulty, "i <= N");
    std::string out = injection_to_json(inj);
    EXPECT_LT(out.find("Error Size"), out.find("Error Specification"));
    EXPECT_LT(out.find("Error Type"), out.find("Original Code"));
    EXPECT_EQ(parse_injection(out).specs[0].original, "i < N");
}

TEST(Injection, RejectsMalformed) {
    EXPECT_THROW(parse_injection("not json"), InputError);
    EXPECT_THROW(parse_injection("[]"), InputError);
    EXPECT_THROW(parse_injection(R"({"Error Size": 0, "Error Specification": []})"), InputError);
    EXPECT_THROW(parse_injection(R"({"Error Specification": [{"Error Type": "OOB"}]})"),
                 InputError);
}

TEST(Catalog, LoadsEveryChrysalisType) {
    const auto& cat = BugCatalog::get();
    for (const char* code : {"OOB", "INIT", "SHFT", "INF", "USE", "MLU", "ZERO", "BUF", "APT",
                             "FND", "DID", "DFP", "IDAP", "RAMB", "SMA", "AMS", "MLP", "ILNU"}) {
        const BugType* t = cat.find(code);
        ASSERT_NE(t, nullptr) << code;
        EXPECT_FALSE(t->specification.empty()) << code;
        EXPECT_FALSE(t->cot_steps.empty()) << code;
    }
    EXPECT_EQ(cat.at("MLP").cls, BugClass::pragma);
    EXPECT_EQ(cat.at("OOB").cls, BugClass::functional);
    EXPECT_THROW(cat.at("NOPE"), InputError);
    auto list = cat.parse_list("oob, Init");
    EXPECT_EQ(list, (std::vector<std::string>{"OOB", "INIT"}));
    EXPECT_GE(cat.parse_list("all").size(), 18u);
}

TEST(Config, WalksUpAndRejectsSecrets) {
    auto d = temp_dir("config");
    fs::create_directories(d / "a" / "b");
    std::ofstream(d / "hlsv.toml") << "db = \"store/rag.db\"\nbackend = \"rules\"\njobs = 3\n"
                                   << "include_dirs = [\"inc\"]\n";
    Config c = load_config(d / "a" / "b");
    ASSERT_TRUE(c.db);
    EXPECT_EQ(*c.db, (d / "store/rag.db").string());
    EXPECT_EQ(c.backend.value_or(""), "rules");
    EXPECT_EQ(c.jobs.value_or(0), 3);
    ASSERT_EQ(c.include_dirs.size(), 1u);
    std::ofstream(d / "hlsv.toml") << "api_key = \"sk-secret\"\n";
    EXPECT_THROW(load_config(d / "a"), InputError);
    std::ofstream(d / "hlsv.toml") << "db = [unclosed\n";
    EXPECT_THROW(load_config(d), InputError);
    fs::remove_all(d);
}

TEST(Config, UnknownKeysWrongTypesAndRangesAreErrorsNamingTheKey) {
    auto d = temp_dir("config_schema");
    auto message = [&](const std::string& toml) {
        std::ofstream(d / "hlsv.toml") << toml;
        try {
            load_config(d);
        } catch (const InputError& e) {
            EXPECT_EQ(e.code(), ExitCode::usage);
            return std::string(e.what());
        }
        return std::string("(accepted)");
    };
    std::string m = message("jbos = 2\n");
    EXPECT_NE(m.find("unknown key \"jbos\" in hlsv.toml (did you mean \"jobs\"?)"),
              std::string::npos)
        << m;
    m = message("jobs = \"2\"\n");
    EXPECT_NE(m.find("\"jobs\" must be an integer, not a string"), std::string::npos) << m;
    m = message("jobs = -1\n");
    EXPECT_NE(m.find("\"jobs\" must be between 0 and 1024"), std::string::npos) << m;
    m = message("max_input_mb = 0\n");
    EXPECT_NE(m.find("\"max_input_mb\" must be between 1 and 4096"), std::string::npos) << m;
    EXPECT_EQ(message("max_input_mb = 2\ninclude_dirs = \"inc\"\n"), "(accepted)");
    Config c = load_config(d);
    EXPECT_EQ(c.max_input_bytes.value_or(0), 2u << 20);
    ASSERT_EQ(c.include_dirs.size(), 1u);
    fs::remove_all(d);
}

TEST(Ranges, OneRowPerSettingRefusingNanAndBoundsWithReasons) {
    const NumericRange* jobs = numeric_range("--jobs");
    ASSERT_NE(jobs, nullptr);
    EXPECT_EQ(jobs, numeric_range("jobs"));
    EXPECT_EQ(numeric_range("max_input_mb"), numeric_range("--max-input-mb"));
    EXPECT_EQ(range_error(*jobs, 0), "");
    EXPECT_EQ(range_error(*jobs, -1),
              "must be between 0 and 1024 (parallel jobs, 0: all cores), got -1");
    const NumericRange* timeout = numeric_range("timeout");
    ASSERT_NE(timeout, nullptr);
    EXPECT_NE(range_error(*timeout, 0), ""); // a duration of zero is no duration
    EXPECT_NE(range_error(*timeout, std::nan("")), "");
    EXPECT_NE(range_error(*timeout, HUGE_VAL), "");
    EXPECT_EQ(range_error(*timeout, 0.5), "");
    // Short messages: the bound is printed as a number a person reads, not 300 digits.
    EXPECT_LT(range_error(*timeout, 0).size(), 80u);
    std::set<std::string_view> names;
    for (const auto& r : numeric_ranges()) {
        EXPECT_TRUE(names.insert(r.name).second) << "two rows for " << r.name;
        EXPECT_LE(r.min, r.max) << r.name;
    }
}

TEST(Files, OneInputLimitForEveryReader) {
    auto d = temp_dir("input_limit");
    std::uintmax_t before = input_limit();
    set_input_limit(1024);
    std::ofstream(d / "big.cpp") << std::string(2000, 'x');
    try {
        read_file(d / "big.cpp");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("--max-input-mb"), std::string::npos) << e.what();
    }
    set_input_limit(4096);
    EXPECT_EQ(read_file(d / "big.cpp").size(), 2000u);
    set_input_limit(before);
    fs::remove_all(d);
}

TEST(Text, ClosestWordSuggestsNearMissesOnly) {
    EXPECT_EQ(closest_word("timout_s", {"timeout_s", "top"}), "timeout_s");
    EXPECT_EQ(closest_word("Pipline", {"pipeline", "unroll"}), "pipeline");
    EXPECT_EQ(closest_word("zz", {"pipeline"}), "");
}
