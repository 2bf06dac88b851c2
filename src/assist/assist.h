// hlsv assist: the debugging assistant (`hlsv debug`) and its evaluation harness (`hlsv eval`).
// Suspect lines come from the static checker, from coverage spectra of testbench runs (Ochiai)
// and, with an LLM backend, from the localize prompt; each candidate fix is applied and the
// C simulation re-run, so a reported fix is proven, not proposed.
#pragma once

#include "core/core.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hlsv::assist {

struct Fix {
    std::string diff;        ///< unified diff of the fixed file against the input
    std::string fixed_line;  ///< the replacement text of the suspect line(s)
    std::string operator_id; ///< which repair operator or "llm"
    bool validated = false;  ///< the testbench passes with the fix applied
    /// Also passes built with ASan+UBSan and (for designs with HLSV_CASE cases) on every case.
    bool proven = false;
    int edit_size = 0; ///< characters changed
};

struct Suspect {
    std::string file;                  ///< file name within the design
    int line = 0;                      ///< 1-based
    std::string type;                  ///< Chrysalis code, or "" when unknown
    double score = 0;                  ///< higher is more suspicious
    std::vector<std::string> evidence; ///< "checker: ...", "ochiai 0.87", "llm: ...", "fix passes"
    std::optional<Fix> fix;
};

struct DebugOptions {
    std::string backend = "rules";  ///< rules | openai | replay
    int top = 5;                    ///< suspects reported
    int max_candidates = 60;        ///< candidate fixes simulated at most
    std::vector<int> suspect_lines; ///< --suspect: investigate even when the testbench passes
    double timeout_s = 0;           ///< per simulation; 0 = design's
    // LLM endpoint (openai) or cassette (replay); the key comes from the environment only.
    std::string base_url, model;
    fs::path cassette, record;
    double llm_timeout_s = 120; ///< per LLM request (`--llm-timeout`)
    std::string db; ///< RAG store for similar known bugs and the LLM response cache ("" = default)
    /// A design whose outputs are the expected ones (e.g. the last version that worked): the
    /// design's verdict and each candidate are compared with its outputs instead of relying on
    /// a self-checking testbench. Only its outputs are used, never its code.
    fs::path reference;
    Config config;
};

struct DebugReport {
    std::string design;
    std::string verdict_before; ///< csim verdict of the design as given ("pass", "fail", ...)
    std::string detail_before;
    bool has_testbench = true;
    std::vector<std::string> notes; ///< e.g. "no testbench: static and LLM evidence only"
    std::vector<Suspect> suspects;  ///< best first
    int candidates_tried = 0;
    int fixes_validated = 0; ///< candidates the testbench accepts
    int fixes_proven = 0;    ///< distinct ones also clean under ASan+UBSan and on every case
    bool fixed() const;      ///< some suspect has a validated fix
    nlohmann::ordered_json to_json() const;
    std::string to_text() const;
};

/// Localizes and tries to fix the bug of a design directory (or a single source file).
DebugReport debug(const DesignSpec& design, const DebugOptions& opts);

/// SARIF 2.1.0 log of the suspects (for code scanning).
std::string to_sarif(const DebugReport& report);

// ---------------------------------------------------------------------------------------------
// Evaluation harness
// ---------------------------------------------------------------------------------------------

struct EvalOptions {
    DebugOptions debug;
    int limit = 0;                     ///< samples evaluated at most (0: all)
    std::vector<fs::path> design_dirs; ///< where to find testbenches by design name
    int jobs = 0;
    /// Evaluate only the samples whose index (in the order evaluate() reads them, after
    /// `limit`) is shard_index modulo shard_count.
    int shard_index = 0, shard_count = 1;
};

struct TypeScore {
    long samples = 0, detected = 0, top1 = 0, top3 = 0, top5 = 0, type_correct = 0;
    long fixable = 0, fixed = 0; ///< samples with a testbench; with a validated fix
};

/// One sample's score (its TypeScore counts 0 or 1) and where it sits in the dataset.
struct SampleScore {
    std::size_t index = 0; ///< in the order evaluate() reads the samples, after --limit
    std::string id;
    std::string type; ///< the sample's first bug type, which its score is filed under
    TypeScore score;
};

struct EvalResult {
    std::string backend;
    std::string model;       ///< openai: the model asked; replay: the cassette; rules: ""
    std::string samples_key; ///< hash of the evaluated sample ids: results compare only when equal
    std::map<std::string, TypeScore> by_type;
    TypeScore total;
    TypeScore functional, pragma; ///< the issue's two target groups
    double seconds = 0;
    /// Per sample, by index; not part of to_json() (eval.json keeps the totals only).
    std::vector<SampleScore> per_sample;
    /// "rules", "openai gpt-4o", "replay cassette.jsonl": how tables name this result.
    std::string label() const;
    nlohmann::ordered_json to_json() const;
    /// Reads an entry of eval.json back. Throws InputError on a malformed entry.
    static EvalResult from_json(const nlohmann::json& j);
    std::string to_text() const;
};

/// Scores localization, classification and repair over a dataset (a directory with
/// samples.jsonl, or a Chrysalis-layout tree).
EvalResult evaluate(const fs::path& dataset, const EvalOptions& opts);

/// Sharded evaluation (`hlsv eval --shard I/N`, `--merge-shards N`, `--slurm`; docs/scale.md).
/// One shard's result: `result` holds its samples only, `samples_key` that of the whole dataset.
struct EvalShard {
    int index = 0, count = 1;
    std::size_t samples_total = 0; ///< samples of the whole (limited) dataset
    EvalResult result;
};

/// Evaluates the samples of shard opts.shard_index of opts.shard_count.
EvalShard evaluate_shard(const fs::path& dataset, const EvalOptions& opts);

/// "rules", "openai gpt-4o": the label of the result evaluate() will return for `opts`.
std::string eval_label(const EvalOptions& opts);

/// DATASET/eval-shards/<label, one path component>: where shards go without --shard-dir.
fs::path default_eval_shard_dir(const fs::path& dataset, const EvalOptions& opts);

/// DIR/shard-I-of-N.json.
fs::path eval_shard_file(const fs::path& dir, int index, int count);

/// Writes a shard's per-sample results to eval_shard_file(dir, ...), atomically.
fs::path save_eval_shard(const fs::path& dir, const EvalShard& shard);

/// Reads the `count` shard files of DIR and combines them into the result an unsharded run
/// gives (same per-sample entries in the same order, same totals; seconds: their sum). Throws
/// InputError naming the first shard file that is missing, malformed, of another shard count,
/// label (`label`) or sample list, or that does not hold exactly its own samples.
EvalResult merge_eval_shards(const fs::path& dir, int count, const std::string& label);

/// The results recorded in DIR/eval.json (none when there is no such file; entries written by
/// another version are skipped). Throws InputError when the file is not a list of results, so
/// a long evaluation can refuse before it starts rather than after.
std::vector<EvalResult> load_evals(const fs::path& dataset_dir);

/// Records `result` in DIR/eval.json, which keeps one entry per backend and model (a new result
/// replaces the entry with the same label), written atomically. Returns the other entries.
std::vector<EvalResult> save_eval(const fs::path& dataset_dir, const EvalResult& result);

/// The rule backend's result among `others` on the same samples as `result` (for the gain
/// table), when `result` is not itself the rule backend's.
std::optional<EvalResult> rules_baseline(const EvalResult& result,
                                         const std::vector<EvalResult>& others);

/// One table, metric by metric, of `base` (the rule backend) and `other` on the same samples,
/// with the gain of `other` in percentage points, for all samples and per target group.
std::string compare_text(const EvalResult& base, const EvalResult& other);

} // namespace hlsv::assist
