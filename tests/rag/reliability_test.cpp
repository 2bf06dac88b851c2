// Damaged and read-only stores, two writer processes at once, and kill -9 during an import.
#include "helpers.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hlsv::rag {
namespace {

using test::TempDir;

/// A suite of `designs` designs with `per` valid bug files each.
fs::path make_tree(const fs::path& root, const std::string& suite, int designs, int per,
                   int offset = 0) {
    const std::vector<std::string> types = {"OOB", "INIT", "SHFT", "INF", "ZERO", "BUF", "MLU"};
    for (int d = 0; d < designs; ++d) {
        std::vector<std::pair<std::string, std::string>> bugs;
        for (int b = 0; b < per; ++b) {
            const auto& t = types[static_cast<std::size_t>(b) % types.size()];
            bugs.emplace_back(
                "bug_" + t + ".txt",
                test::bug_json(t, "out[i] = acc;", "out[i] = acc + " + std::to_string(b) + ";"));
        }
        test::make_design(root, suite, "d" + std::to_string(d + offset),
                          test::design_source(d + offset), bugs);
    }
    return root / suite;
}

std::string sql_scalar(const fs::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    std::string out = "<error>";
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    return out;
}

TEST(Reliability, GarbageFileIsAClearErrorAndStaysUntouched) {
    TempDir tmp;
    std::string junk;
    for (int i = 0; i < 200; ++i) {
        junk += "this is not a database ";
    }
    test::write(tmp / "bad.db", junk);
    try {
        Store::open(tmp / "bad.db");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        std::string msg = e.what();
        EXPECT_NE(msg.find("bad.db"), std::string::npos) << msg;
        EXPECT_NE(msg.find("not a valid hlsv store"), std::string::npos) << msg;
    }
    EXPECT_EQ(read_file(tmp / "bad.db"), junk);
    EXPECT_FALSE(fs::exists(tmp / "bad.db-wal"));
}

TEST(Reliability, ForeignAndNewerDatabasesAreRefused) {
    TempDir tmp;
    sqlite3* h = nullptr;
    sqlite3_open((tmp / "foreign.db").c_str(), &h);
    sqlite3_exec(h, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
    sqlite3_close(h);
    EXPECT_THROW(Store::open(tmp / "foreign.db"), InputError);
    EXPECT_EQ(sql_scalar(tmp / "foreign.db", "SELECT count(*) FROM sqlite_master"), "1");

    { Store::open(tmp / "new.db", test::no_seed()); }
    sqlite3_open((tmp / "new.db").c_str(), &h);
    sqlite3_exec(h, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
    sqlite3_close(h);
    try {
        Store::open(tmp / "new.db");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    }
    EXPECT_THROW(Store::open(tmp.path()), InputError); // a directory
}

TEST(Reliability, ReadOnlyStoreRefusesWritesButAnswersQueries) {
    TempDir tmp;
    fs::path db = tmp / "ro.db";
    {
        auto store = Store::open(db, test::no_seed());
        make_tree(tmp / "tree", "s", 2, 2);
        store.import_chrysalis(tmp / "tree");
    }
    std::string before = sha256_hex(read_file(db));
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    auto store = Store::open(db);
    ExampleInput ex;
    ex.suite = "s";
    ex.design = "x";
    ex.source = test::design_source(9);
    ex.injection = parse_injection(test::bug_json("OOB", "out[i] = acc;", "out[i+1] = acc;"));
    try {
        store.add_example(ex);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("read-only"), std::string::npos) << e.what();
    }
    EXPECT_THROW(store.import_chrysalis(tmp / "tree"), InputError);
    EXPECT_THROW(store.cache_put("k", "v"), InputError);
    EXPECT_EQ(store.query_mmr("int x;", {"OOB"}, {4, 20, 0.5}).size(), 2u);
    EXPECT_EQ(store.stats().examples, 4);
    EXPECT_EQ(sha256_hex(read_file(db)), before);
}

/// Runs `fn` in a child process; returns its exit status (0 on success).
template <class Fn> pid_t spawn(Fn fn) {
    pid_t pid = ::fork();
    if (pid == 0) {
        int rc = 0;
        try {
            fn();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "child: %s\n", e.what());
            rc = 1;
        }
        ::_exit(rc);
    }
    return pid;
}

int wait_status(pid_t pid) {
    int st = 0;
    ::waitpid(pid, &st, 0);
    return st;
}

TEST(Reliability, TwoProcessesWritingAtOnceBothSucceed) {
    TempDir tmp;
    fs::path a = make_tree(tmp / "a", "sa", 30, 3, 0);
    fs::path b = make_tree(tmp / "b", "sb", 30, 3, 100);
    fs::path db = tmp / "shared.db";
    int gate[2];
    ASSERT_EQ(::pipe(gate), 0);
    auto worker = [&](const fs::path& tree) {
        return spawn([&, tree] {
            ::close(gate[1]);
            char c;
            (void)::read(gate[0], &c, 1); // both start when the parent closes the gate
            StoreOptions o;
            o.seed_dir = test::seed_dir(); // both race to create and seed the store too
            auto store = Store::open(db, o);
            store.import_chrysalis(tree);
            for (int i = 0; i < 20; ++i) {
                store.cache_put(tree.filename().string() + std::to_string(i), "v");
            }
        });
    };
    pid_t p1 = worker(a);
    pid_t p2 = worker(b);
    ::close(gate[0]);
    ::close(gate[1]);
    int s1 = wait_status(p1), s2 = wait_status(p2);
    EXPECT_TRUE(WIFEXITED(s1) && WEXITSTATUS(s1) == 0);
    EXPECT_TRUE(WIFEXITED(s2) && WEXITSTATUS(s2) == 0);
    auto seed_only = Store::open(tmp / "seed.db", [] {
        StoreOptions o;
        o.seed_dir = test::seed_dir();
        return o;
    }());
    auto seeds = seed_only.stats().examples;
    auto store = Store::open(db);
    EXPECT_EQ(store.stats().examples, seeds + 180);
    EXPECT_EQ(sql_scalar(db, "SELECT count(*) FROM llm_cache"), "40");
    EXPECT_EQ(sql_scalar(db, "PRAGMA integrity_check"), "ok");
}

TEST(Reliability, KillNineDuringImportLeavesAConsistentResumableStore) {
    TempDir tmp;
    const int designs = 150, per = 4;
    fs::path tree = make_tree(tmp / "t", "s", designs, per);
    fs::path db = tmp / "k.db";
    { Store::open(db, test::no_seed()); }
    int prog[2];
    ASSERT_EQ(::pipe(prog), 0);
    pid_t pid = spawn([&] {
        ::close(prog[0]);
        auto store = Store::open(db, test::no_seed());
        store.import_chrysalis(tree, "", Origin::imported, [&](std::size_t done, std::size_t) {
            if (done == 20) {
                char c = 'x';
                (void)::write(prog[1], &c, 1);
            }
        });
        for (;;) {
            ::pause(); // never finish on its own: the parent kills it
        }
    });
    ::close(prog[1]);
    char c;
    ASSERT_EQ(::read(prog[0], &c, 1), 1); // at least 20 designs committed
    ::kill(pid, SIGKILL);
    int st = wait_status(pid);
    EXPECT_TRUE(WIFSIGNALED(st));
    ::close(prog[0]);

    EXPECT_EQ(sql_scalar(db, "PRAGMA integrity_check"), "ok");
    auto examples = std::stoi(sql_scalar(db, "SELECT count(*) FROM examples"));
    EXPECT_GE(examples, 20 * per);
    // Each design is all-or-nothing, and every example has its vector and type rows.
    EXPECT_EQ(examples % per, 0);
    EXPECT_EQ(sql_scalar(db, "SELECT count(*) FROM examples x WHERE NOT EXISTS (SELECT 1 FROM "
                             "embeddings e WHERE e.example_id = x.id)"),
              "0");
    EXPECT_EQ(sql_scalar(db, "SELECT count(*) FROM examples x WHERE NOT EXISTS (SELECT 1 FROM "
                             "example_types t WHERE t.example_id = x.id)"),
              "0");
    auto store = Store::open(db, test::no_seed());
    auto r = store.import_chrysalis(tree);
    EXPECT_EQ(r.examples_existing, static_cast<std::size_t>(examples));
    EXPECT_EQ(store.stats().examples, designs * per);
}

} // namespace
} // namespace hlsv::rag
