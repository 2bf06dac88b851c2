// hlsv core: the vocabulary every pipeline stage shares — errors and exit codes, source files,
// content hashes, atomic writes, the bug catalog, the Chrysalis injection type, design specs and
// the project configuration. Nothing here knows about parsing, simulation or LLMs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hlsv {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Errors and exit codes
// ---------------------------------------------------------------------------------------------

/// Process exit codes shared by every subcommand.
enum class ExitCode : int {
    ok = 0,       ///< success, pass, clean
    findings = 1, ///< findings / verification failed / verdict other than pass
    usage = 2,    ///< usage or input error
    internal = 3, ///< a bug in hlsv or an environment failure
};

/// A recoverable error carrying the exit code it maps to. `what()` is one line that names the
/// file (when there is one) and the cause, ready to print after "hlsv: error: ".
class Error : public std::runtime_error {
  public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ExitCode code() const { return code_; }

  private:
    ExitCode code_;
};

/// Bad input from the user (missing file, malformed JSON, unknown bug type): exit code 2.
class InputError : public Error {
  public:
    explicit InputError(const std::string& message) : Error(ExitCode::usage, message) {}
    InputError(const fs::path& file, const std::string& cause)
        : Error(ExitCode::usage, file.string() + ": " + cause) {}
};

/// Environment or internal failure (cannot spawn the compiler, disk full): exit code 3.
class InternalError : public Error {
  public:
    explicit InternalError(const std::string& message) : Error(ExitCode::internal, message) {}
};

// ---------------------------------------------------------------------------------------------
// Files and text
// ---------------------------------------------------------------------------------------------

/// The largest input file any command reads: designs, bug files, prompts, replies, specs. One
/// limit for every command (16 MiB unless the global `--max-input-mb` or hlsv.toml's
/// `max_input_mb` says otherwise), so a file one command accepts is not refused by the next.
std::uintmax_t input_limit();
void set_input_limit(std::uintmax_t bytes);

/// Reads a whole file. Throws InputError naming the path for: nonexistent, a directory,
/// unreadable, or larger than `max_bytes` (user input: the input limit; hlsv's own cache and
/// build files pass their own bound).
std::string read_file(const fs::path& path, std::uintmax_t max_bytes = input_limit());

/// Writes `content` to a temporary file beside `path`, fsyncs it and renames it into place, so
/// a reader (or a crash) sees either the old file or the new one, never a torn one. Creates
/// parent directories. Only a regular file (or a new name) is replaced: a symlink is followed
/// and its target written, a character device or FIFO (`/dev/null`, `/dev/stdout`, a named
/// pipe) is opened and written through, a directory or socket is refused. Throws InputError
/// (exit 2) naming the path and the cause for what the user can fix: a read-only or full file
/// system, a directory without write permission, a non-file target; InternalError otherwise.
void write_file_atomic(const fs::path& path, std::string_view content);

/// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

/// True when `text` looks binary (NUL bytes, or many control characters in the first 8 KiB).
bool looks_binary(std::string_view text);

/// Hex SHA-256 of `data` (content hashes for designs, prompts and caches).
std::string sha256_hex(std::string_view data);

/// Escapes &, <, >, " and ' for XML and HTML text and attribute values.
std::string xml_escape(std::string_view text);

/// Reads a JSON Lines file (blank lines skipped). Throws InputError naming the file and the
/// line for a line that is not valid JSON.
std::vector<nlohmann::json> read_jsonl(const fs::path& file);

/// Text with a line index. Lines are 1-based; columns are 1-based byte offsets.
class SourceText {
  public:
    SourceText() = default;
    explicit SourceText(std::string text);
    const std::string& text() const { return text_; }
    std::size_t line_count() const { return line_starts_.size(); }
    /// 1-based line containing byte `offset`.
    int line_of(std::size_t offset) const;
    /// Byte offset where 1-based `line` starts.
    std::size_t line_start(int line) const;
    /// The text of 1-based `line` without its newline.
    std::string_view line(int line) const;

  private:
    std::string text_;
    std::vector<std::size_t> line_starts_;
};

/// Splits `s` on `sep`, keeping empty fields.
std::vector<std::string> split(std::string_view s, char sep);
/// Removes leading and trailing ASCII whitespace.
std::string_view trim(std::string_view s);
/// The entry of `candidates` nearest to `word` (compared in lower case) when at most 2 edits
/// away and nearer than the word is long, else "": the "did you mean" of errors and fix-its.
std::string closest_word(std::string_view word, const std::vector<std::string>& candidates);

// ---------------------------------------------------------------------------------------------
// Data directory (prompts/, harness/, ragdb/)
// ---------------------------------------------------------------------------------------------

/// Root of hlsv's data files: $HLSV_DATA_DIR, else the source tree this binary was built from,
/// else `<exe>/../share/hlsv`.
fs::path data_dir();

// ---------------------------------------------------------------------------------------------
// The bug catalog (Chrysalis vocabulary plus operator precedence)
// ---------------------------------------------------------------------------------------------

enum class BugClass { functional, pragma };

struct BugType {
    std::string code; ///< "OOB", "APT", ...
    BugClass cls = BugClass::functional;
    std::string name;                   ///< short human name
    std::string specification;          ///< one line
    std::vector<std::string> rules;     ///< supplementary rules (what correct looks like)
    std::vector<std::string> cot_steps; ///< chain-of-thought steps for prompts
};

/// The catalog loaded once from `data_dir()/prompts/bugs.json`.
class BugCatalog {
  public:
    /// Loads from a bugs.json file. Throws InputError on malformed content.
    static BugCatalog load(const fs::path& file);
    /// The process-wide catalog (loaded on first use).
    static const BugCatalog& get();

    const std::vector<BugType>& types() const { return types_; }
    const BugType* find(std::string_view code) const;
    /// Throws InputError("unknown bug type 'X' (known: ...)") for an unknown code.
    const BugType& at(std::string_view code) const;
    /// Parses "OOB,INIT" or "all" (or "functional" / "pragma") into codes, validated.
    std::vector<std::string> parse_list(std::string_view list) const;

  private:
    std::vector<BugType> types_;
};

// ---------------------------------------------------------------------------------------------
// Injections (the Chrysalis bug-file JSON)
// ---------------------------------------------------------------------------------------------

struct ErrorSpec {
    std::string type;        ///< "Error Type"
    std::string original;    ///< "Original Code"
    std::string faulty;      ///< "Faulty Code"
    std::optional<int> line; ///< optional "Line" hint (our addition)
    std::string explanation; ///< optional "Explanation" (our addition)
};

struct Injection {
    int error_size = 0;           ///< "Error Size"
    std::vector<ErrorSpec> specs; ///< "Error Specification"
    /// Bug types in order of first appearance.
    std::vector<std::string> types() const;
};

/// Parses a Chrysalis bug file. Throws InputError with the reason: not JSON, missing keys,
/// wrong value types, empty specification. Does not check type codes against the catalog.
Injection parse_injection(std::string_view json_text);
/// Serializes in the Chrysalis key order, 4-space indented, so published datasets round-trip.
std::string injection_to_json(const Injection& inj);

// ---------------------------------------------------------------------------------------------
// Design specs (hlsv.json, or a Vitis HLS project read as if it had one)
// ---------------------------------------------------------------------------------------------

struct DesignSpec {
    std::string name;
    std::string top;
    fs::path dir;                    ///< absolute design directory
    std::vector<fs::path> sources;   ///< absolute paths
    std::vector<fs::path> testbench; ///< absolute paths; empty: no C simulation
    std::vector<std::string> cflags;
    double timeout_s = 10;
    std::string language = "c++";  ///< "c" or "c++"
    std::vector<std::string> args; ///< testbench argv
    std::vector<std::string> data; ///< files copied into the run directory
    std::vector<std::string> compare = {"exit", "stdout"};
    std::vector<std::string> ignore; ///< regexes of lines that differ legitimately
    int cases = 0;                   ///< testbench supports HLSV_CASE=0..cases-1 when > 0
    std::string origin;              ///< "hlsv.json", "hls_config.cfg", "tcl", "file"
    /// What the golden run must produce (hlsv.json "expect"); empty: no reference outputs.
    struct Expect {
        fs::path stdout_ref, stderr_ref;       ///< absolute; empty: not checked
        std::map<std::string, fs::path> files; ///< output file (run dir) -> reference file
        double tolerance = 0;                  ///< numbers may differ by tol * max(1, |a|, |b|)
        bool empty() const { return stdout_ref.empty() && stderr_ref.empty() && files.empty(); }
    } expect;
    /// A `main` in the sources is the oracle (CHStone style): C simulation links the sources
    /// alone. hlsv.json "main_in_sources", or detected when there is no testbench.
    bool main_in_sources = false;

    /// Functions that belong to the design under test besides the top and what it calls
    /// (hlsv.json "dut"), for designs where the call graph misses them.
    std::vector<std::string> dut;

    bool has_testbench() const { return !testbench.empty() || main_in_sources; }
};

/// Loads a design from a directory (hlsv.json, else hls_config.cfg, else a Tcl script) or from
/// a single source file (a design without testbench; top = the file stem unless given).
/// Throws InputError naming the path and the cause.
DesignSpec load_design(const fs::path& path);
/// As above; `component` picks one component of a Vitis project holding several (a Tcl script
/// with several `open_project` blocks, or a workspace with one hls_config.cfg per sub-folder).
/// Empty: the first. An unknown name throws InputError listing the components.
DesignSpec load_design(const fs::path& path, const std::string& component);

// ---------------------------------------------------------------------------------------------
// Project configuration (hlsv.toml): defaults for global settings, never secrets
// ---------------------------------------------------------------------------------------------

struct Config {
    std::optional<std::string> db;
    std::vector<std::string> include_dirs;
    std::optional<std::string> backend;
    std::optional<std::string> base_url;
    std::optional<std::string> model;
    std::optional<int> jobs;
    std::optional<std::uintmax_t> max_input_bytes; ///< `max_input_mb`, in bytes
    fs::path source;                               ///< the hlsv.toml it came from, empty if none
};

/// The accepted values of one numeric setting. One table (ranges.cpp) holds every numeric flag
/// of every command and every numeric key of hlsv.toml, so `--jobs` and `jobs` accept the same
/// values everywhere.
struct NumericRange {
    std::string_view name; ///< the flag without dashes, which is also the hlsv.toml key
    double min, max;
    bool min_exclusive;    ///< (min, max] rather than [min, max]: durations
    std::string_view what; ///< what the number counts, for the error message
};
/// The row for `name` (with or without leading dashes), or nullptr.
const NumericRange* numeric_range(std::string_view name);
/// All rows (a test checks that every numeric flag of every command has one).
const std::vector<NumericRange>& numeric_ranges();
/// Empty when `v` is accepted, else why not: "must be between 1 and 1024 (LLM requests in
/// flight), got 0". NaN and infinities are never accepted.
std::string range_error(const NumericRange& r, double v);

/// Finds hlsv.toml by walking up from `start` and loads it. Throws InputError for malformed
/// TOML, an unknown key (with the nearest known one), a value of the wrong type (naming the key
/// and the type expected) or a key that looks like a secret (api_key, token, password).
Config load_config(const fs::path& start = fs::current_path());

// ---------------------------------------------------------------------------------------------
// Logging (stderr): quiet < normal < verbose
// ---------------------------------------------------------------------------------------------

enum class Verbosity { quiet = 0, normal = 1, verbose = 2 };
void set_verbosity(Verbosity v);
Verbosity verbosity();
void log_info(std::string_view message);    ///< shown unless quiet
void log_verbose(std::string_view message); ///< shown with -v
void log_warning(std::string_view message); ///< shown unless quiet, prefixed "hlsv: warning: "

/// True when stderr is a terminal (progress bars are drawn only then).
bool stderr_is_tty();

} // namespace hlsv
