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

constexpr Migration k_migrations[] = {
    {1, k_schema_v1},
};
static_assert(sizeof(k_migrations) / sizeof(k_migrations[0]) == k_schema_version);

int user_version(Db& db) {
    auto st = db.prepare("PRAGMA user_version");
    st.step();
    return static_cast<int>(st.int64(0));
}

} // namespace

int migrate(Db& db) {
    // The first read fails with SQLITE_NOTADB on a file that is not a database.
    int found = user_version(db);
    if (found > k_schema_version) {
        throw InputError(db.path(), "store has schema version " + std::to_string(found) +
                                        ", newer than this hlsv understands (" +
                                        std::to_string(k_schema_version) + ")");
    }
    if (found == 0) {
        auto st = db.prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
        st.step();
        if (st.int64(0) != 0) {
            throw InputError(db.path(), "not an hlsv store (a SQLite database with other tables)");
        }
    }
    if (!db.read_only()) {
        db.exec("PRAGMA journal_mode=WAL");
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
    int now = user_version(db); // another process may have migrated while we waited
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
