// Chrysalis import: layout detection and every kind of bad bug file, reported not fatal.
#include "helpers.h"

#include <gtest/gtest.h>

namespace hlsv::rag {
namespace {

using test::TempDir;

const std::string k_ok_orig = "out[i] = acc;";

std::string ok_bug(const std::string& type = "OOB") {
    return test::bug_json(type, k_ok_orig, "out[i + 1] = acc;");
}

std::size_t count_reason(const ImportReport& r, const std::string& reason) {
    auto m = r.by_reason();
    return m.count(reason) ? m.at(reason) : 0;
}

TEST(Import, ReportsEachBadBugFileWithItsReason) {
    TempDir tmp;
    std::string utf16 = std::string("\xff\xfe", 2);
    for (char c : std::string("{\"Error Size\": 1}")) {
        utf16 += c;
        utf16 += '\0';
    }
    test::make_design(tmp / "root", "suite", "d1", test::design_source(1),
                      {{"bug_OOB.txt", ok_bug()},
                       {"bug_INIT.txt", "{\"Error Size\": 1, \"Error Specification\": ["},
                       {"bug_SHFT.txt", utf16},
                       {"bug_INF.txt", "{\"Error Size\": 1, \"Error Specification\": [{\"Error "
                                       "Type\": \"INF\", \"Original Code\": \"\xc3\x28\", "
                                       "\"Faulty Code\": \"x\"}]}"},
                       {"bug_XYZ.txt", test::bug_json("XYZ", k_ok_orig, "x")},
                       {"bug_USE.txt", "{\"Error Size\": 0, \"Error Specification\": []}"},
                       {"bug_MLU.txt", test::bug_json("MLU", "no such line", "x")},
                       {"bug_ZERO(delete_ZERO).txt", test::bug_json("ZERO", k_ok_orig, "x")},
                       {"notes.md", "not a bug file"}});
    auto store = Store::open(tmp / "rag.db", test::no_seed());
    auto r = store.import_chrysalis(tmp / "root");
    EXPECT_EQ(r.examples_added, 1u);
    EXPECT_EQ(r.pruned, 1u);
    EXPECT_EQ(count_reason(r, "malformed-json"), 1u);
    EXPECT_EQ(count_reason(r, "utf16"), 1u);
    EXPECT_EQ(count_reason(r, "not-utf8"), 1u);
    EXPECT_EQ(count_reason(r, "unknown-type"), 1u);
    EXPECT_EQ(count_reason(r, "empty-specification"), 1u);
    EXPECT_EQ(count_reason(r, "original-not-found"), 1u);
    EXPECT_EQ(r.rejected.size(), 6u);
    for (const auto& i : r.rejected) {
        EXPECT_FALSE(i.file.empty());
        EXPECT_EQ(i.detail.find('\n'), std::string::npos) << i.detail;
    }
    EXPECT_EQ(store.stats().examples, 1);
}

TEST(Import, DetectsSuiteParentOrSingleDesignLayouts) {
    TempDir tmp;
    test::make_design(tmp / "all", "alpha", "d1", test::design_source(1),
                      {{"bug_OOB.txt", ok_bug()}});
    test::make_design(tmp / "all", "beta", "d2", test::design_source(2),
                      {{"bug_OOB.txt", ok_bug()}});
    {
        auto store = Store::open(tmp / "a.db", test::no_seed());
        auto r = store.import_chrysalis(tmp / "all"); // parent of suites
        EXPECT_EQ(r.examples_added, 2u);
        EXPECT_EQ(store.stats().designs, 2);
    }
    {
        auto store = Store::open(tmp / "b.db", test::no_seed());
        EXPECT_EQ(store.import_chrysalis(tmp / "all", "beta").examples_added, 1u); // one suite
        auto picks = store.query_mmr("int x;", {"OOB"});
        ASSERT_EQ(picks.size(), 1u);
        EXPECT_EQ(picks[0].suite, "beta");
    }
    {
        auto store = Store::open(tmp / "c.db", test::no_seed());
        EXPECT_EQ(store.import_chrysalis(tmp / "all/alpha", "renamed").examples_added, 1u);
        EXPECT_EQ(store.query_mmr("int x;", {"OOB"}).at(0).suite, "renamed");
        EXPECT_EQ(store.import_chrysalis(tmp / "all/beta/d2").examples_added, 1u); // one design
    }
    auto store = Store::open(tmp / "d.db", test::no_seed());
    EXPECT_THROW(store.import_chrysalis(tmp / "missing"), InputError);
    fs::create_directories(tmp / "empty");
    EXPECT_THROW(store.import_chrysalis(tmp / "empty"), InputError);
}

TEST(Import, PathsWithSpacesAndQuotes) {
    TempDir tmp;
    fs::path root = tmp / "my \"odd\" suite's dir";
    test::make_design(root, "suite one", "design 'x' \"y\"", test::design_source(3),
                      {{"bug_OOB.txt", ok_bug()}});
    auto store = Store::open(tmp / "store with space.db", test::no_seed());
    auto r = store.import_chrysalis(root);
    EXPECT_EQ(r.examples_added, 1u);
    auto n = store.export_chrysalis(tmp / "out dir");
    EXPECT_EQ(n, 1u);
    EXPECT_TRUE(fs::exists(tmp / "out dir/suite one/design 'x' \"y\"/Bugs/bug_OOB.txt"));
}

TEST(Import, SymlinkLoopsTerminate) {
    TempDir tmp;
    fs::path d = test::make_design(tmp / "root", "suite", "d1", test::design_source(4),
                                   {{"bug_OOB.txt", ok_bug()}});
    fs::create_directory_symlink(tmp / "root", tmp / "root/suite/loop");  // back to an ancestor
    fs::create_directory_symlink(d, tmp / "root/suite/d1-again");         // same design twice
    fs::create_symlink(tmp / "root/suite/self", tmp / "root/suite/self"); // ELOOP
    fs::create_directory_symlink(d / "Bugs", d / "Bugs/inner");
    auto store = Store::open(tmp / "rag.db", test::no_seed());
    auto r = store.import_chrysalis(tmp / "root");
    EXPECT_EQ(r.examples_added, 1u);
    EXPECT_EQ(r.designs, 1u);
}

TEST(Import, DesignWithoutSourceIsReported) {
    TempDir tmp;
    fs::create_directories(tmp / "root/suite/d1/Source_Code");
    test::write(tmp / "root/suite/d1/Bugs/bug_OOB.txt", ok_bug());
    test::make_design(tmp / "root", "suite", "d2", test::design_source(5),
                      {{"bug_OOB.txt", ok_bug()}});
    auto store = Store::open(tmp / "rag.db", test::no_seed());
    auto r = store.import_chrysalis(tmp / "root");
    EXPECT_EQ(r.examples_added, 1u);
    EXPECT_EQ(count_reason(r, "no-source"), 1u);
}

TEST(Import, ProgressIsReportedPerDesign) {
    TempDir tmp;
    for (int i = 0; i < 3; ++i) {
        test::make_design(tmp / "root", "s", "d" + std::to_string(i), test::design_source(i),
                          {{"bug_OOB.txt", ok_bug()}});
    }
    auto store = Store::open(tmp / "rag.db", test::no_seed());
    std::vector<std::size_t> seen;
    store.import_chrysalis(tmp / "root", "", Origin::imported,
                           [&](std::size_t done, std::size_t total) {
                               EXPECT_EQ(total, 3u);
                               seen.push_back(done);
                           });
    EXPECT_EQ(seen, (std::vector<std::size_t>{1, 2, 3}));
}

/// Two entries: the first applies, the second quotes code the design does not have.
std::string two_entry_bug(const std::string& second_original) {
    Injection inj;
    inj.error_size = 2;
    inj.specs.push_back({"OOB", k_ok_orig, "out[i + 1] = acc;", std::nullopt, ""});
    inj.specs.push_back({"INIT", second_original, "int acc = 1;", std::nullopt, ""});
    return injection_to_json(inj);
}

TEST(Import, PartialFileKeepsTheEntriesThatApplyAndCountsTheRest) {
    TempDir tmp;
    test::make_design(tmp / "root", "suite", "d1", test::design_source(1),
                      {{"bug_OOB_INIT.txt", two_entry_bug("int acc = 7;")},
                       {"bug_ZERO.txt", test::bug_json("ZERO", "\"\"\"int acc = 0;\"\"\"",
                                                       "\"\"\"int acc = 5;\"\"\"")},
                       {"bug_OOB.txt", test::bug_json("OOB", "for (...) {\n ...\n out[i] = acc;",
                                                      "for (...) {\n ...\n out[i + 1] = acc;")}});
    auto store = Store::open(tmp / "rag.db", test::no_seed());
    auto r = store.import_chrysalis(tmp / "root");
    EXPECT_EQ(r.examples_added, 3u);
    EXPECT_EQ(r.partial, 1u);
    EXPECT_EQ(r.entries, 4u);
    EXPECT_EQ(r.entries_applied, 3u);
    ASSERT_EQ(r.dropped.size(), 1u);
    EXPECT_EQ(r.dropped[0].reason, "original-not-found");
    EXPECT_NE(r.dropped[0].detail.find("closest: line"), std::string::npos) << r.dropped[0].detail;
    EXPECT_EQ(r.dropped_by_reason().at("original-not-found"), 1u);
    EXPECT_TRUE(r.rejected.empty());
    // The partial example keeps one entry under its own name; the quotes are gone.
    auto st = store.stats();
    EXPECT_EQ(st.by_type["INIT"], 0);
    EXPECT_EQ(st.by_type["OOB"], 2);
    EXPECT_EQ(st.by_type["ZERO"], 1);

    // --strict: the same tree loses the whole two-entry file, and says so.
    TempDir tmp2;
    test::make_design(tmp2 / "root", "suite", "d1", test::design_source(1),
                      {{"bug_OOB_INIT.txt", two_entry_bug("int acc = 7;")}});
    auto strict_store = Store::open(tmp2 / "rag.db", test::no_seed());
    auto s2 = strict_store.import_chrysalis(tmp2 / "root", "", Origin::imported, {}, true);
    EXPECT_EQ(s2.examples_added, 0u);
    EXPECT_EQ(count_reason(s2, "original-not-found"), 1u);
    EXPECT_EQ(s2.dropped_by_reason().at("strict"), 1u);
}

} // namespace
} // namespace hlsv::rag
