// Private to the assist module: generic repair operators. They do not assume the bug was made
// by our rule engine: they are the usual single-point edits (relational and arithmetic operator
// swaps, off-by-one constants, missing initializers, swapped buffer halves, signedness, moved,
// missing or extra statements) that also undo the slips people and LLMs make.
#pragma once

#include <string>
#include <vector>

#include "core/core.h"

namespace hlsv::assist::detail {

struct Candidate {
    int line = 0;            ///< 1-based line replaced
    int span = 1;            ///< lines replaced (2 for a swap with the next line)
    std::string replacement; ///< new text for those lines (no trailing newline; "" deletes)
    std::string op;          ///< operator id, e.g. "rel-swap"
};

/// Candidate fixes for `line` of `src`, most plausible first, without duplicates.
std::vector<Candidate> repair_candidates(const SourceText& src, int line);

/// Applies a candidate to the source text.
std::string apply_candidate(const SourceText& src, const Candidate& c);

} // namespace hlsv::assist::detail
