// Private to the rag module: schema creation and forward migrations (PRAGMA user_version).
#pragma once

#include "db.h"

namespace hlsv::rag::detail {

/// The schema version this build writes.
constexpr int k_schema_version = 2;

/// Sets connection pragmas (WAL, foreign keys, synchronous=NORMAL) and brings the schema up to
/// k_schema_version in one write transaction. Throws InputError for a file that is not an
/// hlsv store, or one written by a newer hlsv. Returns the version found before migrating.
int migrate(Db& db);

/// Reads only: throws InputError, as migrate() would, for a file that is not an SQLite database,
/// a database of somebody else's tables, or a store of a newer hlsv.
void identify(Db& db);

} // namespace hlsv::rag::detail
