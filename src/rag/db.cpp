// SQLite wrapper: error mapping, statement cache, write transactions with retry.
#include "db.h"

#include <chrono>
#include <thread>
#include <unistd.h>

namespace hlsv::rag::detail {

namespace {
constexpr int k_busy_timeout_ms = 30000;
}

Stmt::~Stmt() {
    if (!stmt_) {
        return;
    }
    if (owned_) {
        sqlite3_finalize(stmt_);
    } else {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
}

Stmt& Stmt::bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
}

Stmt& Stmt::bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
}

Stmt& Stmt::bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Stmt& Stmt::bind_blob(int i, const void* data, std::size_t bytes) {
    sqlite3_bind_blob(stmt_, i, data, static_cast<int>(bytes), SQLITE_TRANSIENT);
    return *this;
}

Stmt& Stmt::bind_null(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
}

bool Stmt::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    db_->fail(rc, sqlite3_sql(stmt_));
}

void Stmt::run() {
    while (step()) {
    }
}

std::string Stmt::text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    int n = sqlite3_column_bytes(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : "";
}

std::string_view Stmt::blob(int col) const {
    const void* p = sqlite3_column_blob(stmt_, col);
    int n = sqlite3_column_bytes(stmt_, col);
    return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string_view();
}

Db::Db(const fs::path& path, bool read_only, bool create) : path_(path) {
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    if (exists && fs::is_directory(path, ec)) {
        throw InputError(path, "is a directory, expected a database file");
    }
    // Honour a file marked read-only even for root, who bypasses permission bits.
    if (exists && !read_only) {
        auto perms = fs::status(path, ec).permissions();
        if (!ec && ((perms & fs::perms::owner_write) == fs::perms::none ||
                    ::access(path.c_str(), W_OK) != 0)) {
            read_only = true;
        }
    }
    read_only_ = read_only;
    if (!exists && !create) {
        throw InputError(path, "no such store");
    }
    if (!exists) {
        fs::path dir = path.parent_path();
        if (!dir.empty()) {
            fs::create_directories(dir, ec);
            if (ec) {
                throw InputError(dir, "cannot create directory: " + ec.message());
            }
        }
    }
    int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw InputError(path, "cannot open store: " + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, k_busy_timeout_ms);
}

Db::~Db() {
    for (auto& [sql, stmt] : cache_) {
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db_);
}

void Db::fail(int rc, std::string_view what) {
    int primary = rc & 0xff;
    std::string msg = sqlite3_errmsg(db_);
    switch (primary) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        throw InputError(path_, "not a valid hlsv store (" + msg + ")");
    case SQLITE_READONLY:
        throw InputError(path_, "store is read-only (" + msg + ")");
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        throw InputError(path_, "cannot access store (" + msg + ")");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw InternalError(path_.string() + ": store stayed locked by another process (" + msg +
                            ")");
    case SQLITE_FULL:
        throw InternalError(path_.string() + ": disk full");
    default:
        throw InternalError(path_.string() + ": " + msg + " [" + std::string(what.substr(0, 60)) +
                            "]");
    }
}

void Db::exec(std::string_view sql) {
    char* err = nullptr;
    std::string s(sql);
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK) {
        fail(rc, sql);
    }
}

Stmt Db::cached(const char* sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
        sqlite3_stmt* st = nullptr;
        int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr);
        if (rc != SQLITE_OK) {
            fail(rc, sql);
        }
        it = cache_.emplace(sql, st).first;
    }
    return Stmt(*this, it->second, false);
}

Stmt Db::prepare(std::string_view sql) {
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st, nullptr);
    if (rc != SQLITE_OK) {
        fail(rc, sql);
    }
    return Stmt(*this, st, true);
}

void Db::exec_retrying_busy(const char* sql) {
    using clock = std::chrono::steady_clock;
    auto deadline = clock::now() + std::chrono::milliseconds(k_busy_timeout_ms);
    for (int attempt = 0;; ++attempt) {
        int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK) {
            return;
        }
        if ((rc & 0xff) != SQLITE_BUSY || clock::now() >= deadline) {
            fail(rc, sql);
        }
        // Back off with a little per-process jitter so two promoting readers do not collide
        // again on the same schedule.
        int ms = std::min(5 + 5 * attempt, 100) + static_cast<int>(::getpid() % 7);
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    }
}

WriteTx::WriteTx(Db& db) : db_(db) {
    if (db.read_only()) {
        throw InputError(db.path(), "store is read-only");
    }
    db.exec_retrying_busy("BEGIN IMMEDIATE");
    open_ = true;
}

WriteTx::~WriteTx() {
    if (open_) {
        sqlite3_exec(db_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void WriteTx::commit() {
    db_.exec_retrying_busy("COMMIT");
    open_ = false;
}

} // namespace hlsv::rag::detail
