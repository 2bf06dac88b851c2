// hlsv rag: the retrieval store. One SQLite file (WAL) holding designs, bug-injection examples
// (Chrysalis bug files), their vectors per embedder, generation runs, attempt statistics and the
// LLM response cache; embedders (a built-in deterministic code vectorizer, or any
// OpenAI-compatible /v1/embeddings endpoint); and MMR selection of diverse examples of a bug
// type for a query design, scored exactly over an in-memory float matrix.
#pragma once

#include "core/core.h"
#include "llm/llm.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hlsv::rag {

// ---------------------------------------------------------------------------------------------
// Location
// ---------------------------------------------------------------------------------------------

/// The store path: `explicit_path` (--db) when non-empty, else $HLSV_DB, else `config.db`
/// (hlsv.toml), else `.hlsv/rag.db` in the current directory.
fs::path resolve_db_path(const std::string& explicit_path, const Config& config);

/// Refuses (InputError, exit 2) a `--db` that exists but is not an hlsv store, the way opening
/// it would, for commands that open the store late or only for some backends (`debug` with the
/// rules backend): a wrong `--db` is never silently ignored. A missing or empty file is fine:
/// the store is created there when first written.
void require_store_or_absent(const fs::path& path);

/// The bug types a store accepts: the catalog's when prompts/bugs.json loads, else the built-in
/// Chrysalis list (18 types) plus PREC.
bool is_known_bug_type(std::string_view code);

// ---------------------------------------------------------------------------------------------
// Embedders
// ---------------------------------------------------------------------------------------------

/// Turns texts into vectors. Each embedder has a stable id stored with every vector it makes,
/// so vectors from different embedders never mix.
class Embedder {
  public:
    virtual ~Embedder() = default;
    /// Stable id, e.g. "hlsv-code-v1/512" or "openai/text-embedding-3-small".
    virtual std::string id() const = 0;
    /// Vector length, 0 while unknown (a remote embedder learns it from its first reply).
    virtual int dim() const = 0;
    /// True when the vectors are raw term frequencies that the index weights by corpus IDF and
    /// normalizes at load time (the built-in vectorizer); false for dense model embeddings.
    virtual bool corpus_weighted() const { return false; }
    /// True when embedding costs a network call, so the store caches results by content hash.
    virtual bool remote() const { return false; }
    /// One vector per text, in order. Throws hlsv::Error on failure.
    virtual std::vector<std::vector<float>> embed(const std::vector<std::string>& texts) = 0;
};

/// The built-in vectorizer for HLS C++: identifier sub-tokens, keywords and operators,
/// tree-sitter node-type n-grams, pragma directives and options, loop-nest shape, hashed into
/// `dim` buckets with sublinear term frequency. Deterministic; no network, no model files.
std::unique_ptr<Embedder> make_code_embedder(int dim = 512);

struct HttpEmbedderOptions {
    std::string base_url; ///< e.g. "http://127.0.0.1:8080/v1" (the "/embeddings" is appended)
    std::string model;
    std::string api_key;   ///< empty: $HLSV_LLM_API_KEY, else $OPENAI_API_KEY, else none
    int batch = 64;        ///< texts per request
    double timeout_s = 60; ///< per request
};

/// An OpenAI-compatible `/v1/embeddings` client (libcurl, sequential batches). Errors name the
/// endpoint and the HTTP status, never the key.
std::unique_ptr<Embedder> make_http_embedder(HttpEmbedderOptions opts);

// ---------------------------------------------------------------------------------------------
// MMR over an in-memory matrix
// ---------------------------------------------------------------------------------------------

struct MmrParams {
    int k = 4;           ///< examples to select
    int fetch_k = 20;    ///< most relevant candidates MMR chooses from
    double lambda = 0.5; ///< 1: pure relevance, 0: pure diversity
};

/// Throws InputError unless k >= 1, fetch_k >= 1 and 0 <= lambda <= 1.
void validate(const MmrParams& params);

struct Scored {
    std::int64_t id = 0; ///< example id
    float relevance = 0; ///< cosine similarity to the query
    float mmr_score = 0; ///< lambda * relevance - (1 - lambda) * max similarity to earlier picks
};

/// Unit vectors grouped per bug type, each type's rows contiguous, scored by brute force.
/// An example with two types is stored in both blocks. Not thread-safe for writes.
class VectorIndex {
  public:
    explicit VectorIndex(int dim);
    int dim() const { return dim_; }
    /// Adds a row; `vec` must have dim() floats and unit length (cosine = dot product).
    /// `group` is the design id (for excluding the query's own design).
    void add(std::int64_t id, std::int64_t group, const std::vector<std::string>& types,
             const float* vec);
    std::size_t rows() const;  ///< distinct ids
    std::size_t bytes() const; ///< memory held by vectors
    std::size_t rows_of(const std::string& type) const;

    /// MMR over rows of any of `types`, skipping rows whose group is in `exclude_groups`.
    /// Ties (equal scores) go to the lower id. Returns up to k picks in selection order.
    std::vector<Scored> mmr(const float* query, const std::vector<std::string>& types,
                            const MmrParams& params,
                            const std::vector<std::int64_t>& exclude_groups = {}) const;

    /// A plain sum over the same vectors mmr() reads for `types`: the memory-bandwidth floor
    /// the benchmark compares against.
    double scan_floor(const std::vector<std::string>& types) const;

  private:
    struct Block {
        std::vector<float> data;
        std::vector<std::int64_t> ids;
        std::vector<std::int64_t> groups;
    };
    int dim_;
    std::map<std::string, Block> blocks_;
    std::size_t distinct_ = 0;
    std::int64_t last_id_ = INT64_MIN;
};

/// L2-normalizes `v` in place (a zero vector stays zero).
void normalize(std::vector<float>& v);

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

enum class Origin { seed, imported, generated };
const char* to_string(Origin o);

struct StoreOptions {
    bool read_only = false;
    bool seed = true;                   ///< seed a new store from `seed_dir`
    fs::path seed_dir;                  ///< empty: data_dir()/ragdb/seed
    std::shared_ptr<Embedder> embedder; ///< empty: make_code_embedder()
};

struct ExampleInput {
    std::string suite;
    std::string design; ///< design name
    std::string source; ///< the design's source text
    Injection injection;
    std::string file_name; ///< empty: "bug_<T1>[_<T2>].txt" from the types
    std::string verdict = "unchecked";
    Origin origin = Origin::generated;
};

struct AddResult {
    std::int64_t id = 0;
    bool inserted = false; ///< false when the same design + injection was already stored
};

struct Selected {
    std::int64_t id = 0;
    std::string design; ///< design name
    std::string suite;
    std::string design_hash;
    std::vector<std::string> bug_types;
    double relevance = 0;
    double mmr_score = 0;
    std::string injection; ///< Chrysalis JSON
    Injection parsed;
};

struct MmrQuery {
    std::string source;                 ///< the query design's text
    std::vector<std::string> bug_types; ///< examples having any of these types
    MmrParams params;
    std::string exclude_design_hash; ///< examples of this design are never returned
    std::string exclude_suite;       ///< with exclude_name: same suite+name excluded too
    std::string exclude_name;
};

struct ImportIssue {
    fs::path file;
    std::string reason; ///< "malformed-json", "not-utf8", "utf16", "unknown-type",
                        ///< "empty-specification", "original-not-found", "bad-structure",
                        ///< "unreadable", "no-source"
    std::string detail;
};

struct ImportReport {
    std::size_t designs = 0; ///< design folders read
    std::size_t designs_added = 0;
    std::size_t examples_added = 0;
    std::size_t examples_existing = 0;
    std::size_t pruned = 0; ///< bug files with a pruning mark, skipped
    std::vector<ImportIssue> rejected;
    std::map<std::string, std::size_t> by_reason() const;
    /// Examples stored with only some of their bug file's entries (the others in `dropped`).
    std::size_t partial = 0;
    std::size_t entries = 0;         ///< entries of the bug files checked against a design
    std::size_t entries_applied = 0; ///< of those, entries now stored in an example
    /// Every entry not stored, per reason ("original-not-found", "ambiguous", ...), with the
    /// bug file set; entries of rejected files count here too. With strict import, entries that
    /// apply in a rejected file count under "strict".
    std::vector<ImportIssue> dropped;
    std::map<std::string, std::size_t> dropped_by_reason() const;
};

/// Called after each design with (designs done, designs total).
using Progress = std::function<void(std::size_t done, std::size_t total)>;

struct Stats {
    std::int64_t designs = 0;
    std::int64_t examples = 0;
    std::map<std::string, std::int64_t> by_type;
    std::map<std::string, std::int64_t> by_origin;
    std::map<std::string, std::int64_t> by_verdict;
    std::map<std::string, std::int64_t> embedders; ///< embedder id -> vectors
    std::int64_t bytes = 0;                        ///< database file size (+ WAL)
};

struct AttemptRecord {
    std::optional<std::int64_t> run_id;
    std::string design_hash;
    std::vector<std::string> bug_types;
    std::string strategy; ///< e.g. "icl-rag-cot", "rag-icl", "rules"
    std::string backend;  ///< "openai", "replay", "rules"
    std::string model;
    std::string verdict; ///< "valid" counts as a success in strategy_stats
    std::string reason;
    std::string prompt_hash;
    std::vector<std::int64_t> example_ids;
    std::optional<std::int64_t> seed;
    std::optional<double> prompt_ms, llm_ms, validate_ms, total_ms;
};

struct StrategyStats {
    std::string strategy;
    std::int64_t attempts = 0;
    std::int64_t valid = 0;
};

/// A resumable work item's key: unique per run.
struct RunItemKey {
    std::string design_hash;
    std::string bug_combo; ///< "OOB" or "OOB,INIT"
    int attempt = 0;
};

struct RunItem {
    RunItemKey key;
    std::string status; ///< "pending", "done", "failed", ... (caller's vocabulary)
    std::string result;
};

struct RunInfo {
    std::int64_t id = 0;
    std::string config; ///< the JSON the run was started with
    std::string status; ///< "running", "done"
    std::string started_at, finished_at;
};

class Store {
  public:
    /// Opens the store at `path`, creating, migrating and (when new) seeding it. Throws
    /// InputError naming the file for a corrupted, foreign, newer-versioned or (when writing is
    /// needed) read-only database.
    static Store open(const fs::path& path, StoreOptions options = {});
    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;

    const fs::path& path() const;
    int schema_version() const;
    Embedder& embedder();

    /// Adds (or finds) a design by content hash; returns its id.
    std::int64_t add_design(const std::string& suite, const std::string& name,
                            const std::string& source);
    /// Adds an example with its vector, idempotent by the hash of design + injection. Validates
    /// types (known codes), a non-empty specification and that each Original Code occurs in the
    /// source modulo whitespace; throws InputError otherwise.
    AddResult add_example(const ExampleInput& example);

    /// MMR selection among examples of the requested types, excluding the query's own design.
    std::vector<Selected> query_mmr(const MmrQuery& query);
    std::vector<Selected> query_mmr(const std::string& source,
                                    const std::vector<std::string>& bug_types,
                                    const MmrParams& params = {},
                                    const std::string& exclude_design_hash = "");

    Stats stats();

    /// `hlsv rag check`: SQLite's integrity and foreign-key checks plus the store's own
    /// invariants. Never throws for what it finds; each problem is one line.
    struct CheckReport {
        std::vector<std::string> problems;
        std::int64_t checked_examples = 0, checked_vectors = 0;
        bool ok() const { return problems.empty(); }
    };
    CheckReport check();

    /// Imports a Chrysalis-layout tree: DIR is a suite, a folder of suites, or one design.
    /// `suite` renames a single suite, or selects one suite of a folder of suites. One
    /// transaction per design, so an interrupted import resumes where it stopped.
    /// A bug file keeps the entries that apply and its example is marked partial (see
    /// ImportReport::dropped); `strict` rejects the whole file instead.
    ImportReport import_chrysalis(const fs::path& dir, const std::string& suite = "",
                                  Origin origin = Origin::imported, const Progress& progress = {},
                                  bool strict = false);
    /// Writes every example back as <dir>/<suite>/<design>/{Source_Code,Bugs}. Returns the
    /// number of bug files written.
    std::size_t export_chrysalis(const fs::path& dir);

    // -- runs and statistics (hlsv generate) --
    std::int64_t begin_run(const std::string& config_json);
    /// The newest run started with exactly `config_json`, so the same command resumes it.
    std::optional<std::int64_t> find_run(const std::string& config_json);
    void finish_run(std::int64_t run_id, const std::string& status = "done");
    /// Inserts the item as "pending" unless it exists; returns its current state.
    RunItem ensure_item(std::int64_t run_id, const RunItemKey& key);
    void set_item(std::int64_t run_id, const RunItemKey& key, const std::string& status,
                  const std::string& result = "");
    std::vector<RunItem> run_items(std::int64_t run_id);
    /// Every run, oldest first.
    std::vector<RunInfo> runs();
    /// Copies items into a run in one transaction (`hlsv merge`). An item already present is
    /// kept unless it is not "done" and the incoming one is, so merging the same shards in any
    /// order, or twice, leaves the same items.
    void merge_items(std::int64_t run_id, const std::vector<RunItem>& items);

    std::int64_t record_attempt(const AttemptRecord& attempt);
    /// Per strategy: attempts and valid verdicts among attempts involving `bug_type`.
    std::vector<StrategyStats> strategy_stats(const std::string& bug_type);

    // -- LLM response cache (keys are hashes computed by the LLM client) --
    std::optional<std::string> cache_get(const std::string& key);
    void cache_put(const std::string& key, const std::string& value);

  private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// The store's llm_cache table as the LLM client's response cache, so every command that talks
/// to an endpoint answers a repeated request from the store. Thread-safe: `mutex` guards every
/// use of `store` (pass the mutex the caller's other store users hold).
class StoreCache : public llm::ResponseCache {
  public:
    StoreCache(Store& store, std::mutex& mutex) : store_(&store), mutex_(&mutex) {}
    /// Opens (creating if needed) the store at `db` for the cache alone.
    static std::shared_ptr<llm::ResponseCache> open(const fs::path& db);
    std::optional<std::string> get(const std::string& key) override;
    void put(const std::string& key, const std::string& value) override;

  private:
    StoreCache() = default;
    std::unique_ptr<Store> owned_;
    std::unique_ptr<std::mutex> owned_mutex_;
    Store* store_ = nullptr;
    std::mutex* mutex_ = nullptr;
};

/// True when every Original Code of `inj` occurs in `source` ignoring whitespace differences.
bool original_found(const std::string& source, const Injection& inj);
/// The Chrysalis bug file name for `types`: "bug_OOB.txt", "bug_OOB_INIT.txt".
std::string bug_file_name(const std::vector<std::string>& types);

} // namespace hlsv::rag
