// hlsv check: the static HLS checker. Rules (one file each, registry.cpp) read a tree-sitter
// model of a source file and report findings; reporters (text, JSON, SARIF 2.1.0, JUnit XML)
// format a Report; baselines drop findings already known. Other modules (validate, generate,
// debug) call check_source() on in-memory sources.
#pragma once

#include "core/core.h"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hlsv::check {

enum class Severity { note = 0, warning = 1, error = 2 };
std::string_view to_string(Severity s);
/// "note" | "warning" | "error"; throws InputError otherwise.
Severity parse_severity(std::string_view s);

/// A rule's metadata (shown by reporters and SARIF rule descriptors).
struct RuleInfo {
    std::string id;                  ///< stable kebab-case id, "hls-nested-pipeline"
    std::optional<std::string> type; ///< Chrysalis code ("MLP"), nullopt outside the catalog
    Severity severity = Severity::warning;
    std::string summary; ///< one sentence (docs, SARIF shortDescription)
    std::string message; ///< one-line message template with {placeholders}
    std::string help;    ///< how to fix it (docs, SARIF help)
};

struct Finding {
    std::string file;
    int line = 0;
    int column = 0;
    std::string rule;
    std::optional<std::string> type;
    Severity severity = Severity::warning;
    std::string message;
    std::string source_line; ///< the text of `line` (for carets and fingerprints)
    std::string fingerprint; ///< stable across line shifts: rule, file, line text, occurrence
};

/// Something about a file rather than a finding in it (syntax errors, skipped binary files).
struct FileNote {
    std::string file;
    int line = 0;
    std::string message;
};

struct Options {
    std::vector<std::string> rules;         ///< rule ids to run; empty = all
    Severity min_severity = Severity::note; ///< findings below are dropped
    std::vector<std::string> include_dirs;  ///< where quoted includes are looked up for constants
    bool honor_suppressions = true;         ///< `// hlsv-ignore RULE` comments
    /// Preprocessor defines: `NAME`, `NAME=VALUE`, or compiler flags (`-DNAME=V`, `-UNAME`).
    /// Only code in active `#if` branches is checked; `__SYNTHESIS__` is undefined unless given.
    std::vector<std::string> defines;
    /// Also take `-D` flags from the `cflags` of an `hlsv.json` in a directory given to
    /// check_paths (for the files below it).
    bool design_defines = true;
};

/// Every rule, sorted by id.
const std::vector<RuleInfo>& rules();
/// The rule with `id`, or nullptr.
const RuleInfo* find_rule(std::string_view id);
/// Parses "id,id" (ids or Chrysalis codes, which select every rule of that type) into rule
/// ids. Throws InputError naming the first unknown entry.
std::vector<std::string> parse_rule_list(std::string_view list);

class Tree;

/// The last parse of one buffer, so that checking an edited version re-parses only what
/// changed (tree-sitter's incremental parsing). The editor keeps one per open document; a
/// check of a different text is still correct, only slower. Safe to share between threads.
class ParseCache {
  public:
    ParseCache();
    ~ParseCache();
    ParseCache(const ParseCache&) = delete;
    ParseCache& operator=(const ParseCache&) = delete;

  private:
    friend std::unique_ptr<Tree> parse_with(ParseCache* cache, std::string_view text);
    struct State;
    std::unique_ptr<State> state_;
};

/// Checks in-memory source text. `name` is the file path used in findings and to find quoted
/// includes. Syntax errors and other file-level remarks go to `notes` when given; the number
/// of lines skipped in inactive `#if` branches is added to `skipped_lines` when given. With a
/// `cache`, the parse starts from the cached tree of the previous text.
std::vector<Finding> check_source(const std::string& name, const std::string& text,
                                  const Options& opts = {}, std::vector<FileNote>* notes = nullptr,
                                  std::size_t* skipped_lines = nullptr,
                                  ParseCache* cache = nullptr);

struct Report {
    std::vector<Finding> findings;
    std::vector<FileNote> notes;
    std::vector<std::string> files; ///< files checked, in order
    std::size_t lines = 0;          ///< lines checked
    std::size_t baselined = 0;      ///< findings dropped by a baseline
    std::size_t skipped_lines = 0;  ///< lines in inactive #if branches (not checked)
};

/// The files `paths` name: files as given, directories walked (sorted) for
/// .c/.cc/.cpp/.cxx/.h/.hpp/.hh. Throws InputError for a path that does not exist.
std::vector<fs::path> collect_files(const std::vector<fs::path>& paths);

/// Checks every file; unreadable, binary or huge files become notes, never errors.
Report check_paths(const std::vector<fs::path>& paths, const Options& opts = {});

/// True when some finding is at or above `level`.
bool has_findings(const Report& report, Severity level);

// ---- baselines ----------------------------------------------------------------------------

/// Fingerprints from an earlier JSON or SARIF output of `hlsv check`. Throws InputError.
std::set<std::string> load_baseline(const fs::path& file);
/// Drops findings whose fingerprint is in `known`; counts them in report.baselined.
void apply_baseline(Report& report, const std::set<std::string>& known);

// ---- reporters ----------------------------------------------------------------------------

/// Compiler-style: `file:line:col: warning: message [rule]`, the source line and a caret.
std::string format_text(const Report& report);
/// `{"findings": [...], "files_checked": N, ...}`.
std::string format_json(const Report& report);
/// SARIF 2.1.0; artifact URIs are made relative to `base` (with uriBaseId SRCROOT) when below it.
std::string format_sarif(const Report& report, const fs::path& base = fs::current_path());
/// JUnit XML: one testsuite, one testcase per file, one failure per finding.
std::string format_junit(const Report& report);

} // namespace hlsv::check
