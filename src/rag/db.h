// Private to the rag module: a thin RAII layer over the SQLite C API that turns every failure
// into an hlsv::Error naming the database file, plus write transactions that take the write
// lock up front (BEGIN IMMEDIATE) so two processes never deadlock upgrading a read lock.
#pragma once

#include "core/core.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <string_view>

namespace hlsv::rag::detail {

class Db;

/// A prepared statement. Column and parameter indexes follow SQLite: binds 1-based, columns
/// 0-based. Cached statements are reset when the handle is released.
class Stmt {
  public:
    Stmt(Db& db, sqlite3_stmt* stmt, bool owned) : db_(&db), stmt_(stmt), owned_(owned) {}
    Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_), owned_(o.owned_) { o.stmt_ = nullptr; }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt();

    Stmt& bind(int i, std::int64_t v);
    Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Stmt& bind(int i, double v);
    Stmt& bind(int i, std::string_view v);
    Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Stmt& bind_blob(int i, const void* data, std::size_t bytes);
    Stmt& bind_null(int i);
    template <class T> Stmt& bind(int i, const std::optional<T>& v) {
        return v ? bind(i, *v) : bind_null(i);
    }

    /// Steps once: true when a row is available, false when done.
    bool step();
    /// Steps to completion (for INSERT/UPDATE/DELETE).
    void run();

    std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string text(int col) const;
    std::string_view blob(int col) const;

  private:
    Db* db_;
    sqlite3_stmt* stmt_;
    bool owned_;
};

class Db {
  public:
    /// Opens (creating when allowed) the database file. Throws InputError naming `path`.
    Db(const fs::path& path, bool read_only, bool create);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    const fs::path& path() const { return path_; }
    bool read_only() const { return read_only_; }
    sqlite3* raw() { return db_; }

    void exec(std::string_view sql);
    /// exec() for statements that take a write lock outside a WriteTx (BEGIN IMMEDIATE, COMMIT,
    /// PRAGMA journal_mode). SQLite answers BUSY without waiting when waiting could deadlock
    /// (two readers both promoting to a writer), so these back off and retry up to the
    /// busy timeout instead of failing at once.
    void exec_retrying_busy(const char* sql);
    /// A statement prepared once per connection and reused (reset on release).
    Stmt cached(const char* sql);
    /// A one-off statement.
    Stmt prepare(std::string_view sql);
    std::int64_t last_insert_id() { return sqlite3_last_insert_rowid(db_); }
    int changes() { return sqlite3_changes(db_); }

    /// Throws the hlsv::Error that `rc` maps to, with `what` as context.
    [[noreturn]] void fail(int rc, std::string_view what);

  private:
    fs::path path_;
    bool read_only_ = false;
    sqlite3* db_ = nullptr;
    std::map<const char*, sqlite3_stmt*> cache_;
};

/// A write transaction: BEGIN IMMEDIATE (retried while another writer holds the lock), rolled
/// back on destruction unless committed.
class WriteTx {
  public:
    explicit WriteTx(Db& db);
    ~WriteTx();
    WriteTx(const WriteTx&) = delete;
    WriteTx& operator=(const WriteTx&) = delete;
    void commit();

  private:
    Db& db_;
    bool open_ = false;
};

} // namespace hlsv::rag::detail
