// Finding the run a command already started, so the same command resumes it instead of
// starting over. rag::Store has begin_run but no lookup by configuration; until it does, this
// reads the runs table directly (read-only, a separate connection: WAL lets it run alongside).
#include "internal.h"

#include <sqlite3.h>

namespace hlsv::pipeline::detail {

std::optional<std::int64_t> find_run(const fs::path& db, const std::string& config_json) {
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::string why = h ? sqlite3_errmsg(h) : "out of memory";
        sqlite3_close(h);
        throw InputError(db, "cannot read the runs table: " + why);
    }
    sqlite3_busy_timeout(h, 30000);
    sqlite3_stmt* st = nullptr;
    std::optional<std::int64_t> id;
    int rc = sqlite3_prepare_v2(h, "SELECT id FROM runs WHERE config = ? ORDER BY id DESC LIMIT 1",
                                -1, &st, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, config_json.c_str(), static_cast<int>(config_json.size()),
                          SQLITE_TRANSIENT);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            id = sqlite3_column_int64(st, 0);
        }
    }
    std::string why = sqlite3_errmsg(h);
    sqlite3_finalize(st);
    sqlite3_close(h);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        throw InputError(db, "cannot read the runs table: " + why);
    }
    return id;
}

} // namespace hlsv::pipeline::detail
