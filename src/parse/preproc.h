// Preprocessor-conditional evaluation: which lines of a file a compiler with the design's
// defines would see. Inactive `#if`/`#ifdef`/`#elif`/`#else` branches (and the conditional
// directive lines themselves) are blanked to spaces so byte offsets and line numbers stay as
// written, and every later stage (tree-sitter, the checker) sees only active code.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hlsv::parse {

/// Macro name -> replacement text ("1" for `-DNAME`).
using Defines = std::map<std::string, std::string, std::less<>>;

/// Reads `NAME`, `NAME=VALUE` entries and the `-DNAME[=VALUE]` / `-UNAME` entries of compiler
/// flags (other flags are ignored) into `out`.
void add_defines(const std::vector<std::string>& entries, Defines& out);

struct PreprocResult {
    std::string text;           ///< the input with inactive lines blanked (same size)
    int skipped_lines = 0;      ///< lines of code in inactive branches
    int skipped_regions = 0;    ///< inactive branches
    int first_skipped_line = 0; ///< 1-based, 0 when nothing was skipped
    bool had_conditionals = false;
};

/// Evaluates the conditionals of `text` as cpp would: `defines` first, then `#define`/`#undef`
/// seen in active code of the file; an unknown name in `#if` is 0; `__SYNTHESIS__` and
/// `__cplusplus` stay undefined unless given. Never throws: an unbalanced or unreadable
/// directive keeps its branch active.
PreprocResult blank_inactive(std::string_view text, const Defines& defines);

/// Evaluates one `#if` expression (after the directive word); for tests.
long long eval_pp_expr(std::string_view expr, const Defines& defines);

} // namespace hlsv::parse
