// A light structural scan over the design's tokens for the rules: function bodies, for-loops
// with their header pieces, `#pragma HLS` lines with options, and array declarations. It works
// on code that libclang could not fully understand and gives the byte spans rules edit.
#pragma once

#include "inject.h"
#include "tokens.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hlsv::inject {

struct ScanFunction {
    std::string name;
    int line_start = 0, line_end = 0;
    std::size_t body_begin = 0, body_end = 0; ///< offsets of '{' and one past '}'
    bool is_top = false;
    std::vector<std::string> params;       ///< parameter names
    std::vector<std::string> array_params; ///< parameters declared with [] or *
};

struct ScanLoop {
    int line = 0; ///< line of `for`
    int end_line = 0;
    std::size_t body_begin = 0, body_end = 0; ///< '{'..'}' (or the single statement)
    bool braced = false;
    bool brace_on_header = false; ///< the header line ends with '{'
    std::string var;              ///< induction variable ("" when not found)
    std::string init, cond, step; ///< header pieces as written
    std::string op;               ///< comparison operator in cond ("" when none)
    std::string bound;            ///< right-hand side of cond
    int parent = -1;              ///< enclosing loop index
    std::string function;
    std::vector<int> children;
};

struct ScanPragma {
    int line = 0;
    std::string text;                           ///< whole line, trimmed
    std::string directive;                      ///< lower-case
    std::map<std::string, std::string> options; ///< lower-case keys; flags map to ""
    std::string positional; ///< first bare word after the directive (legacy mode/type)
    int loop = -1;          ///< innermost loop whose body holds it
    std::string function;
};

struct ScanArray {
    std::string name;
    std::vector<std::string> dims; ///< dimension texts as written
    int line = 0;
    bool is_param = false;
    std::string function;
};

struct Scan {
    const SourceText* src = nullptr;
    std::vector<Token> toks; ///< code tokens (no comments)
    std::vector<ScanFunction> functions;
    std::vector<ScanLoop> loops;
    std::vector<ScanPragma> pragmas;
    std::vector<ScanArray> arrays;

    const ScanFunction* function_at(int line) const;
    int loop_at(int line) const; ///< innermost loop containing line, -1 if none
    const ScanArray* array(const std::string& name, const std::string& function) const;
    /// Resolved size of dimension `d` of `name`: from facts when known, else a literal.
    std::optional<long long> dim_size(const parse::DesignFacts& facts, const std::string& name,
                                      std::size_t d) const;
    std::size_t rank(const parse::DesignFacts& facts, const std::string& name) const;
    bool is_array(const std::string& name) const;
};

Scan scan(const parse::DesignFacts& facts, const SourceText& source);

/// A site that replaces line `line` (trimmed) with `new_line` (trimmed).
Site line_site(const Scan& s, std::string_view type, std::string_view rule, int line,
               std::string new_line, std::string explanation);

/// A site that inserts `pragma` (e.g. "#pragma HLS unroll") as the first line of a braced loop
/// body whose '{' ends the header line. Returns false when the loop has no such header.
bool insert_after_header(const Scan& s, const ScanLoop& loop, std::string_view type,
                         std::string_view rule, const std::string& pragma, std::string explanation,
                         Site& out);

/// A site that inserts `pragma` as the first line of `f`'s body (whose '{' ends a line).
bool insert_in_body(const Scan& s, const ScanFunction& f, std::string_view type,
                    std::string_view rule, const std::string& pragma, std::string explanation,
                    Site& out);

/// A site that inserts `pragma` after the one-line declaration at `line`.
bool insert_after_declaration(const Scan& s, int line, std::string_view type, std::string_view rule,
                              const std::string& pragma, std::string explanation, Site& out);

/// A site that adds a partition `pragma` for array `a` that has none: after its declaration, or
/// at the top of the body of the function it is a parameter of.
bool insert_partition(const Scan& s, const ScanArray& a, std::string_view type,
                      std::string_view rule, const std::string& pragma, std::string explanation,
                      Site& out);

/// The arrays a partition could be added to: the scan's, and array parameters only the parse
/// facts know (declared through macros).
std::vector<ScanArray> partition_candidates(const Scan& s, const parse::DesignFacts& facts);

/// Replaces the first whole-token occurrence of `from` at or after byte `col` in `line`.
bool replace_token(std::string& line, std::string_view from, std::string_view to,
                   std::size_t col = 0);

/// Indentation (leading spaces/tabs) of line `n`.
std::string indent_of(const SourceText& src, int n);

/// True when the line is a preprocessor line or lies outside every function body.
bool is_code_line(const Scan& s, int line);

/// Tokens of line `n` (comments excluded), with offsets relative to the line start.
std::vector<Token> line_tokens(const SourceText& src, int n);

/// Indices [first, last) into s.toks of the tokens starting inside bytes [b, e).
std::pair<std::size_t, std::size_t> token_range(const Scan& s, std::size_t b, std::size_t e);

/// A simple one-line declaration "T name = init;" or "T name[N]... = {...};".
struct Decl {
    bool ok = false;
    std::string name;
    std::string head; ///< text before " = " (type, name, dimensions)
    std::string init; ///< initializer text
    bool is_array = false;
    bool is_const = false; ///< const or constexpr
    bool is_static = false;
    /// The initializer pops a stream (`in.read()`): dropping or zeroing it would also leave the
    /// stream unread, a different bug from a wrong initial value.
    bool init_reads_stream() const;
};
Decl parse_decl(std::string_view trimmed_line);

/// Replaces the first whole word equal to `word` ignoring case.
bool replace_word_ci(std::string& line, std::string_view word, std::string_view to);

/// The pragma line with option `key` set to `value` (replaced in place or appended).
std::string set_option(const std::string& line, const std::string& key, const std::string& value);

/// The interface mode of an interface pragma ("" when none) and the line with a new mode.
std::string interface_mode(const ScanPragma& p);
std::string with_interface_mode(const ScanPragma& p, const std::string& mode);

/// The array_partition type ("complete", "cyclic", "block") or "" and the line with a new type.
std::string partition_type(const ScanPragma& p);
std::string with_partition_type(const ScanPragma& p, const std::string& type);

/// True when loop `l` holds a pragma with `directive` directly (not in a nested loop).
bool loop_has_pragma(const Scan& s, int l, std::string_view directive);

} // namespace hlsv::inject
