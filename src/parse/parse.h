// hlsv parse: design facts from libclang (types, array dimensions, constant expressions) and
// tree-sitter (pragmas, structure, code that does not compile). Every later stage (retrieval,
// prompts, rule-based injection, the pragma checker, the debugging assistant) reads these facts.
#pragma once

#include "core/core.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hlsv::parse {

struct Param {
    std::string name;
    std::string type; ///< type text as written, e.g. "ap_int<16>", "int[64]", "hls::stream<T>&"
    /// Array dimensions (resolved), empty for scalars; -1 when unknown.
    std::vector<long long> dims;
    bool is_array = false;
    bool is_pointer = false;
    bool is_reference = false;
};

struct Function {
    std::string name;
    int line_start = 0;
    int line_end = 0;
    int body_line_start = 0; ///< line of the opening brace of the body (0 for a declaration)
    bool is_top = false;
    std::vector<Param> params;
    /// Names of the functions called in the body (plain and qualified identifiers, each once,
    /// in order of first call). Calls through pointers are not seen.
    std::vector<std::string> calls;
};

struct Loop {
    int id = 0;         ///< index into DesignFacts::loops
    std::string label;  ///< "" when unlabelled
    std::string kind;   ///< "for", "while", "do", or "macro" (`FOR_EACH(i, N) { ... }`)
    int line_start = 0; ///< line of the loop keyword (or the label)
    int line_end = 0;
    int body_line_start = 0;   ///< line of the body's opening brace (or first statement)
    int depth = 0;             ///< 0 for a loop directly in a function body
    std::optional<int> parent; ///< enclosing loop id
    std::string function;      ///< enclosing function name
    std::string induction_var; ///< "" when not a simple counted loop
    std::optional<long long> trip_count;
    // Details for rules: the loop header's pieces as written (for-loops).
    std::string init_text, cond_text, step_text;
    std::optional<long long> init_value, bound_value, step_value; ///< resolved constants
    std::string cond_op;                                          ///< "<", "<=", "!=", ">", ">="
};

struct Array {
    std::string name;
    std::string element_type;
    std::vector<long long> dims; ///< -1 when a dimension is not a resolvable constant
    std::string storage;         ///< "parameter", "local", "static", "global"
    int line = 0;
    std::string function; ///< "" for globals
};

struct Pragma {
    std::string directive; ///< lower-case: "pipeline", "unroll", "array_partition", ...
    /// Option -> value, keys lower-case. Flags (`complete`, `off`) map to true. Legacy
    /// positional forms are normalized: `array_partition variable=x complete` gives
    /// {"variable": "x", "type": "complete"}; `INTERFACE s_axilite port=return` gives
    /// {"mode": "s_axilite", "port": "return"}.
    nlohmann::ordered_json options = nlohmann::ordered_json::object();
    std::string text; ///< the pragma as written (after `#pragma HLS`)
    int line = 0;
    std::string function;              ///< enclosing function, "" at file scope
    std::optional<int> loop;           ///< id of the loop whose body it opens / sits in
    std::optional<std::string> target; ///< array/port/variable named by variable=/port=
    bool target_resolved = false;      ///< the target names something in scope
};

struct HlsType {
    std::string name;             ///< "ap_int", "ap_uint", "ap_fixed", "ap_ufixed", "hls::stream"
    std::optional<int> width;     ///< W (for streams: none)
    std::optional<int> int_width; ///< I for ap_fixed
    std::string text;             ///< as written, e.g. "ap_fixed<16,6,AP_RND,AP_SAT>"
    int line = 0;
};

struct Diagnostic {
    std::string severity; ///< "error", "warning", "note"
    int line = 0;
    std::string message;
};

/// Variables declared in a function: used by injection rules and the checker.
struct Variable {
    std::string name;
    std::string type;
    int line = 0;
    std::string function;
    bool has_init = false;
    std::string init_text; ///< initializer as written ("" if none)
    bool is_static = false;
    bool is_param = false;
};

struct DesignFacts {
    std::string file;
    std::vector<Function> functions;
    std::vector<Loop> loops;
    std::vector<Array> arrays;
    std::vector<Pragma> pragmas;
    std::vector<HlsType> hls_types;
    std::vector<Variable> variables;
    std::vector<Diagnostic> diagnostics;
    bool semantic = false; ///< libclang facts were merged in (types, resolved dims)
    std::size_t lines = 0;

    const Function* function(std::string_view name) const;
    const Loop* loop_at_line(int line) const; ///< innermost loop containing `line`
};

struct Options {
    std::string top;                       ///< "" = guess (the function no other calls)
    std::vector<std::string> include_dirs; ///< added after harness/include
    std::vector<std::string> cflags;       ///< e.g. -D defines
    bool use_libclang = true;              ///< false: tree-sitter facts only (fast path)
    std::string language;                  ///< "c" or "c++"; "" = from extension
    /// Blank inactive `#if` branches (under `defines` and the `-D` flags of `cflags`) before
    /// parsing, so facts describe only the code a compiler sees. Off by default: the rule
    /// engine looks for sites in every variant of a design.
    bool active_only = false;
    std::vector<std::string> defines; ///< NAME or NAME=VALUE, for active_only
};

/// Parses a file from disk. Throws InputError for nonexistent paths, directories, binary files
/// and files over 8 MB; broken code and missing headers give facts plus diagnostics. Files over
/// 2 MB get tree-sitter facts only (a "note" diagnostic says so).
DesignFacts parse_file(const fs::path& file, const Options& opts = {});

/// Parses in-memory source text (`name` is used in diagnostics and for the language).
DesignFacts parse_source(const std::string& name, const std::string& text,
                         const Options& opts = {});

// ---------------------------------------------------------------------------------------------
// The design under test
// ---------------------------------------------------------------------------------------------

/// The design under test (DUT): the top function and every function it reaches through calls,
/// over the facts of all the files of a design (its sources and the `.c`/`.cpp` files they
/// `#include`). `main` and whatever only `main` reaches are the oracle and never belong to it.
/// `top` empty: the functions marked `is_top`. `extra` adds functions (and what they reach) a
/// design declares part of the DUT (hlsv.json `"dut"`).
struct Dut {
    std::set<std::string> functions;

    bool contains(std::string_view function) const {
        return functions.count(std::string(function)) > 0;
    }
    /// True when `line` of `facts` lies inside the definition of a DUT function.
    bool contains_line(const DesignFacts& facts, int line) const;
    /// The DUT function whose definition holds `line` ("" when none).
    std::string function_at(const DesignFacts& facts, int line) const;
};

Dut design_under_test(const std::vector<const DesignFacts*>& files, std::string_view top,
                      const std::vector<std::string>& extra = {});

/// The JSON shape of `hlsv parse` (field names are a public interface).
nlohmann::ordered_json to_json(const DesignFacts& facts);

/// A human summary (for `--format text`).
std::string to_text(const DesignFacts& facts);

} // namespace hlsv::parse
