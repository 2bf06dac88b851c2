// `hlsv rag check`: is this store sound? SQLite's own checks first (a page-level fault makes
// every later answer suspect), then what our schema cannot say by itself.
#include "store_impl.h"

#include <fmt/format.h>
#include <set>

namespace hlsv::rag {

namespace {

/// Runs `sql` and adds one problem per row, formatted from the row's text columns.
void collect(detail::Db& db, const char* sql, int columns, const std::string& what,
             std::vector<std::string>& out, std::size_t limit = 20) {
    auto st = db.prepare(sql);
    std::size_t n = 0;
    while (st.step()) {
        if (++n > limit) {
            continue; // count the rest without listing them
        }
        std::string row;
        for (int c = 0; c < columns; ++c) {
            row += (c ? ", " : "") + st.text(c);
        }
        out.push_back(what + ": " + row);
    }
    if (n > limit) {
        out.push_back(fmt::format("{}: {} more", what, n - limit));
    }
}

} // namespace

Store::CheckReport Store::check() {
    CheckReport r;
    auto& db = impl_->db;
    {
        auto st = db.prepare("PRAGMA integrity_check(50)");
        while (st.step()) {
            std::string msg = st.text(0);
            if (msg != "ok") {
                r.problems.push_back("integrity: " + msg);
            }
        }
    }
    if (!r.problems.empty()) {
        return r; // the rest would read damaged pages
    }
    collect(db, "PRAGMA foreign_key_check", 4, "foreign key (table, rowid, parent, fk)",
            r.problems);
    collect(db,
            "SELECT id, file_name FROM examples e WHERE NOT EXISTS (SELECT 1 FROM example_types "
            "t WHERE t.example_id = e.id)",
            2, "example without a type row (id, file)", r.problems);
    collect(db, "SELECT id, file_name FROM examples WHERE NOT json_valid(injection)", 2,
            "example whose bug file is not JSON (id, file)", r.problems);
    collect(db, "SELECT id, suite || '/' || name FROM designs WHERE length(source) = 0", 2,
            "design without its text (id, name)", r.problems);
    collect(db,
            "SELECT embedder, group_concat(DISTINCT dim) FROM embeddings GROUP BY embedder "
            "HAVING count(DISTINCT dim) > 1",
            2, "embedder with vectors of several lengths (embedder, dims)", r.problems);
    collect(db, "SELECT id, embedder FROM embeddings WHERE length(vector) != 4 * dim", 2,
            "vector of the wrong size (id, embedder)", r.problems);
    // The active embedder's vectors must have its dimension, or retrieval compares garbage.
    const Embedder& e = embedder();
    if (e.dim() > 0) {
        auto st = db.prepare("SELECT count(*) FROM embeddings WHERE embedder = ? AND dim != ?");
        st.bind(1, e.id()).bind(2, e.dim());
        if (st.step() && st.int64(0) > 0) {
            r.problems.push_back(fmt::format("{} vectors of embedder {} are not {}-dimensional",
                                             st.int64(0), e.id(), e.dim()));
        }
        auto missing =
            db.prepare("SELECT count(*) FROM examples x WHERE NOT EXISTS (SELECT 1 "
                       "FROM embeddings v WHERE v.example_id = x.id AND v.embedder = ?)");
        missing.bind(1, e.id());
        if (missing.step() && missing.int64(0) > 0 && !e.remote()) {
            r.problems.push_back(
                fmt::format("{} examples have no vector of embedder {}", missing.int64(0), e.id()));
        }
    }
    std::set<std::string> known;
    for (const auto& t : BugCatalog::get().types()) {
        known.insert(t.code);
    }
    {
        auto st = db.prepare("SELECT DISTINCT bug_type FROM example_types");
        while (st.step()) {
            if (!known.count(st.text(0))) {
                r.problems.push_back("unknown bug type in examples: " + st.text(0));
            }
        }
    }
    auto count = [&](const char* sql) {
        auto st = db.prepare(sql);
        return st.step() ? st.int64(0) : 0;
    };
    r.checked_examples = count("SELECT count(*) FROM examples");
    r.checked_vectors = count("SELECT count(*) FROM embeddings");
    return r;
}

} // namespace hlsv::rag
