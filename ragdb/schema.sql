-- hlsv RAG store, schema version 1 (PRAGMA user_version = 1).
-- Applied inside one transaction by src/rag/schema.cpp; later versions append migrations there,
-- never edit this file's tables in place once released.

-- A design is one source text, identified by its SHA-256. The first suite/name it arrived with
-- is kept; the same text under another name is the same design.
CREATE TABLE designs (
    id         INTEGER PRIMARY KEY,
    hash       TEXT NOT NULL UNIQUE,
    suite      TEXT NOT NULL,
    name       TEXT NOT NULL,
    source     TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX designs_suite_name ON designs (suite, name);

-- An example is one injection (a Chrysalis bug file) on one design. `hash` covers the design
-- hash and the canonical injection JSON, so re-importing the same tree adds nothing.
CREATE TABLE examples (
    id         INTEGER PRIMARY KEY,
    design_id  INTEGER NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
    hash       TEXT NOT NULL UNIQUE,
    bug_types  TEXT NOT NULL,            -- comma-separated codes in order: "OOB,INIT"
    file_name  TEXT NOT NULL,            -- "bug_OOB_INIT.txt" (export name)
    injection  TEXT NOT NULL,            -- Chrysalis JSON
    verdict    TEXT NOT NULL DEFAULT 'unchecked',
    origin     TEXT NOT NULL CHECK (origin IN ('seed', 'imported', 'generated')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX examples_design ON examples (design_id);

-- One row per (example, bug type): the per-type index MMR restricts to.
CREATE TABLE example_types (
    bug_type   TEXT NOT NULL,
    example_id INTEGER NOT NULL REFERENCES examples (id) ON DELETE CASCADE,
    PRIMARY KEY (bug_type, example_id)
) WITHOUT ROWID;

-- Vectors of an example or a design, per embedder (a stable id such as "hlsv-code-v1/512").
-- `vector` is `dim` little-endian float32 values.
CREATE TABLE embeddings (
    id         INTEGER PRIMARY KEY,
    example_id INTEGER REFERENCES examples (id) ON DELETE CASCADE,
    design_id  INTEGER REFERENCES designs (id) ON DELETE CASCADE,
    embedder   TEXT NOT NULL,
    dim        INTEGER NOT NULL CHECK (dim > 0),
    vector     BLOB NOT NULL CHECK (length(vector) = 4 * dim),
    CHECK ((example_id IS NULL) <> (design_id IS NULL))
);
CREATE UNIQUE INDEX embeddings_example ON embeddings (embedder, example_id) WHERE example_id IS NOT NULL;
CREATE UNIQUE INDEX embeddings_design ON embeddings (embedder, design_id) WHERE design_id IS NOT NULL;

-- Remote embedding responses by content hash (text + embedder id), so re-embedding is free.
CREATE TABLE embedding_cache (
    key    TEXT PRIMARY KEY,
    dim    INTEGER NOT NULL,
    vector BLOB NOT NULL
);

-- A generation run and its resumable work items: the unique key makes a resumed run skip
-- what is done instead of duplicating it.
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    config      TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'running',
    started_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    finished_at TEXT
);

CREATE TABLE run_items (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    design_hash TEXT NOT NULL,
    bug_combo   TEXT NOT NULL,           -- "OOB" or "OOB,INIT"
    attempt     INTEGER NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending',
    result      TEXT,
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (run_id, design_hash, bug_combo, attempt)
);

-- Every injection attempt with its provenance and verdict: strategy statistics read this.
CREATE TABLE attempts (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER REFERENCES runs (id) ON DELETE SET NULL,
    design_hash TEXT NOT NULL,
    bug_types   TEXT NOT NULL,
    strategy    TEXT NOT NULL,
    backend     TEXT NOT NULL,
    model       TEXT NOT NULL DEFAULT '',
    verdict     TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    prompt_hash TEXT NOT NULL DEFAULT '',
    example_ids TEXT NOT NULL DEFAULT '[]', -- JSON array of example ids shown in the prompt
    seed        INTEGER,
    prompt_ms   REAL,
    llm_ms      REAL,
    validate_ms REAL,
    total_ms    REAL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE attempt_types (
    bug_type   TEXT NOT NULL,
    attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    PRIMARY KEY (bug_type, attempt_id)
) WITHOUT ROWID;

-- LLM responses by request hash (computed by the LLM client; keys never reach the store).
CREATE TABLE llm_cache (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Store-level facts, e.g. 'seeded' once the seed examples are in.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
