// Private to the rag module: the Store's state, shared by store.cpp (examples, queries,
// statistics) and import.cpp (Chrysalis import/export and seeding).
#pragma once

#include "db.h"
#include "rag.h"

#include <optional>

namespace hlsv::rag::detail {

/// A bug file checked and ready to store.
struct PreparedExample {
    Injection injection;
    std::string json; ///< canonical Chrysalis JSON (injection_to_json)
    std::vector<std::string> types;
    std::string file_name;
    std::string verdict = "unchecked";
    /// JSON array of the entries left out ({"entry", "type", "reason", "detail"}); empty when
    /// every entry of the bug file applied.
    std::string partial;
};

/// A bug file's entries checked against the design by the applier (elision-aware).
struct EntryCheck {
    std::optional<ImportIssue> issue; ///< the file cannot be stored at all
    Injection kept;                   ///< the entries that apply, quote wrappers removed
    std::vector<ImportIssue> dropped; ///< one per entry that does not apply (file unset)
    std::size_t entries = 0;          ///< entries looked at
};

/// Checks every entry of `inj` against `source`. With `strict`, one failing entry rejects the
/// file; otherwise the file keeps the entries that apply and is rejected only when none does.
EntryCheck check_entries(const std::string& source, const Injection& inj, bool strict);
/// Why a bug file cannot become an example (all-or-nothing), or nullopt when it can.
std::optional<ImportIssue> check_example(const std::string& source, const Injection& inj);
std::string strip_whitespace(std::string_view s);

struct BatchResult {
    bool design_added = false;
    std::size_t added = 0;
    std::size_t existing = 0;
    std::vector<std::int64_t> ids; ///< per input example, in order
};

} // namespace hlsv::rag::detail

namespace hlsv::rag {

struct Store::Impl {
    Impl(const fs::path& path, StoreOptions opts);

    detail::Db db;
    StoreOptions options;
    std::shared_ptr<Embedder> embedder;
    int found_version = 0;

    // The in-memory index, loaded on first query and dropped when examples are added.
    std::optional<VectorIndex> index;
    std::vector<float> idf; ///< per-dimension weights for corpus-weighted embedders

    /// Stores one design and its examples in one write transaction (vectors computed first,
    /// outside the transaction, so the write lock is never held during embedding).
    detail::BatchResult store_batch(const std::string& suite, const std::string& name,
                                    const std::string& source,
                                    const std::vector<detail::PreparedExample>& examples,
                                    Origin origin);
    /// Embeds through the store's cache when the embedder is remote.
    std::vector<std::vector<float>> embed(const std::vector<std::string>& texts);
    void load_index();
    ImportReport import_tree(const fs::path& dir, const std::string& suite, Origin origin,
                             const Progress& progress, bool strict);
    void seed_if_needed();
};

} // namespace hlsv::rag
