// Schema versions: version 1 is ragdb/schema.sql, embedded at build time. A later version adds
// a row to k_migrations with the SQL that moves version N-1 to N; released SQL never changes.
#include "schema.h"

#include "rag_schema_sql.h" // k_schema_v1, generated from ragdb/schema.sql

namespace hlsv::rag::detail {

namespace {

struct Migration {
    int version;
    const char* sql;
};

// Version 2: an imported bug file that keeps only the entries that apply records the others
// (JSON array of {entry, type, reason, detail}); NULL for complete examples.
constexpr const char* k_schema_v2 = "ALTER TABLE examples ADD COLUMN partial TEXT;";

constexpr Migration k_migrations[] = {
    {1, k_schema_v1},
    {2, k_schema_v2},
};
static_assert(sizeof(k_migrations) / sizeof(k_migrations[0]) == k_schema_version);

int user_version(Db& db) {
    auto st = db.prepare("PRAGMA user_version");
    st.step();
    return static_cast<int>(st.int64(0));
}

bool has_foreign_tables(Db& db) {
    auto st = db.prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
    st.step();
    return st.int64(0) != 0;
}

} // namespace

void identify(Db& db) {
    int found = user_version(db); // SQLITE_NOTADB here for a file that is not a database
    if (found == 0 && has_foreign_tables(db)) {
        throw InputError(db.path(), "not an hlsv store (a SQLite database with other tables)");
    }
    if (found > k_schema_version) {
        throw InputError(db.path(), "store has schema version " + std::to_string(found) +
                                        ", newer than this hlsv understands (" +
                                        std::to_string(k_schema_version) + ")");
    }
}

int migrate(Db& db) {
    // Both reads share one snapshot: an hlsv process creating the store sets its tables and
    // user_version in one transaction, so tables without a version are somebody else's. The
    // check comes before anything writes, so a foreign database is left exactly as it was.
    // The first read fails with SQLITE_NOTADB on a file that is not a database.
    db.exec("BEGIN");
    int found = 0;
    bool foreign = false;
    try {
        found = user_version(db);
        foreign = found == 0 && has_foreign_tables(db);
    } catch (...) {
        sqlite3_exec(db.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    db.exec("COMMIT");
    if (foreign) {
        throw InputError(db.path(), "not an hlsv store (a SQLite database with other tables)");
    }
    if (found > k_schema_version) {
        throw InputError(db.path(), "store has schema version " + std::to_string(found) +
                                        ", newer than this hlsv understands (" +
                                        std::to_string(k_schema_version) + ")");
    }
    if (!db.read_only()) {
        db.exec_retrying_busy("PRAGMA journal_mode=WAL");
        db.exec("PRAGMA synchronous=NORMAL");
    }
    db.exec("PRAGMA foreign_keys=ON");
    if (found == k_schema_version) {
        return found;
    }
    if (db.read_only()) {
        throw InputError(db.path(), "store is read-only and needs a schema upgrade to version " +
                                        std::to_string(k_schema_version));
    }
    WriteTx tx(db);
    // Decide under the write lock: another process may have created or migrated the store
    // between our first read and now, and its tables are not foreign.
    int now = user_version(db);
    if (now == k_schema_version) {
        tx.commit();
        return found;
    }
    if (now == 0 && has_foreign_tables(db)) {
        throw InputError(db.path(), "not an hlsv store (a SQLite database with other tables)");
    }
    for (const auto& m : k_migrations) {
        if (m.version > now) {
            db.exec(m.sql);
        }
    }
    db.exec("PRAGMA user_version=" + std::to_string(k_schema_version));
    tx.commit();
    return found;
}

} // namespace hlsv::rag::detail
