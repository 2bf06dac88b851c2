// Private declarations shared by the parse module's passes (not part of the public interface).
#pragma once

#include "parse.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hlsv::parse::detail {

/// Integer constants known in a file: `#define NAME value`, `const`/`constexpr` integer
/// declarations and enumerators. Values are evaluated lazily so definition order does not matter.
class ConstTable {
  public:
    /// Records `name` = `expr` in `scope` ("" = file scope). The first definition wins.
    void define(const std::string& scope, const std::string& name, std::string expr);
    /// Evaluates an integer expression: literals, known names, + - * / % << >> & | ^ ~ and
    /// parentheses. Names are looked up in `scope` first, then at file scope.
    std::optional<long long> eval(std::string_view expr, const std::string& scope = "") const;
    bool empty() const { return defs_.empty(); }

  private:
    std::optional<long long> lookup(const std::string& scope, const std::string& name,
                                    int depth) const;
    std::optional<long long> eval_depth(std::string_view expr, const std::string& scope,
                                        int depth) const;
    std::map<std::pair<std::string, std::string>, std::string> defs_;
    mutable std::map<std::pair<std::string, std::string>, std::optional<long long>> memo_;
    friend class ExprParser;
};

/// A `#pragma HLS ...` line split into its directive and normalized options.
struct PragmaText {
    bool is_hls = false;
    std::string directive;
    nlohmann::ordered_json options = nlohmann::ordered_json::object();
    std::string text; ///< normalized text after "HLS"
};

/// Parses the text after `#pragma` (continuations and comments allowed).
PragmaText parse_pragma_text(std::string_view after_pragma);

/// Collapses runs of whitespace (and backslash-newlines) into single spaces and trims.
std::string squeeze(std::string_view s);

/// Byte ranges recorded by the tree-sitter pass that the libclang pass may resolve.
struct ExprRef {
    enum class What { loop_init, loop_bound, loop_step, array_dim } what;
    std::size_t index = 0; ///< loop id or array index
    std::size_t dim = 0;   ///< for array_dim
    long long sign = 1;    ///< multiplies the value (a `-=` step)
    std::uint32_t end = 0; ///< end byte of the expression
};

/// What the tree-sitter pass hands to the merge and libclang steps.
struct TsResult {
    DesignFacts facts;
    ConstTable consts;
    /// Function name -> names of the functions it calls.
    std::vector<std::pair<std::string, std::vector<std::string>>> calls;
    /// Names declared in each function (params, locals) for pragma target resolution.
    std::unordered_map<std::string, std::vector<std::string>> scope_names;
    std::vector<std::string> global_names;
    /// Unresolved expressions by start byte, for libclang to evaluate.
    std::unordered_map<std::uint32_t, ExprRef> unresolved;
};

/// Pass 1: tree-sitter. Never throws on bad code; syntax problems become diagnostics.
/// `_Pragma("...")` operators are blanked out of `text` (offsets and lines are kept).
TsResult run_tree_sitter(std::string& text, bool is_c);

/// Pass 2: libclang. Merges resolved types and dimensions into `r.facts` and adds clang's
/// diagnostics. Returns false when libclang could not produce a translation unit.
bool run_libclang(const std::string& path, const std::string& text, const Options& opts, bool is_c,
                  TsResult& r);

/// Marks the top function and resolves pragma targets (after both passes).
void finish_facts(TsResult& r, const Options& opts);

/// Computes a counted loop's trip count from its resolved pieces, or nullopt.
std::optional<long long> trip_count(const Loop& loop);

} // namespace hlsv::parse::detail
