// Locating quoted code in a design, from strict to loose: exact, whitespace-normalized,
// comment-insensitive, token-level, and token-level with `...` gaps.
#pragma once

#include "inject.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace hlsv::inject {

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct Match {
    Span span;
    std::vector<Span> gaps; ///< source text elided by `...` in the quote, in order
    /// For elided matches: per code token of the quote (ellipses included), the source span it
    /// matched; an ellipsis maps to the gap it elides. Empty for the other levels.
    std::vector<Span> tokens;
};

struct Matches {
    MatchMode mode = MatchMode::none;
    bool trimmed = false;   ///< exact match of the trimmed quote (not of the quote as given)
    std::vector<Match> all; ///< in source order; empty when nothing matched
};

/// All places where `needle` occurs in `hay` at the strictest level that finds any. `naive`
/// stops after whitespace normalization.
Matches find_all(std::string_view hay, std::string_view needle, bool naive = false);

/// True when `text` contains an ellipsis token outside comments and string literals.
bool has_ellipsis(std::string_view text);

/// The place in `hay` that looks most like `needle` (for "not found" messages): 1-based line
/// and a whitespace-insensitive edit distance. line == 0 when `hay` is empty.
struct Closest {
    int line = 0;
    std::size_t distance = 0;
    std::string text; ///< the candidate, whitespace collapsed, at most 80 bytes
};
Closest closest(std::string_view hay, std::string_view needle);

} // namespace hlsv::inject
