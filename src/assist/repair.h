// Private to the assist module: generic repair operators. They do not assume the bug was made
// by our rule engine: they are the usual single-point edits (relational and arithmetic operator
// swaps, off-by-one constants, missing initializers, swapped buffer halves, signedness, moved,
// missing or extra statements) that also undo the slips people and LLMs make.
#pragma once

#include "core/core.h"

#include <string>
#include <vector>

namespace hlsv::assist::detail {

struct Candidate {
    int line = 0;            ///< 1-based line replaced
    int span = 1;            ///< lines replaced (2 for a swap with the next line)
    std::string replacement; ///< new text for those lines (no trailing newline; "" deletes)
    std::string op;          ///< operator id, e.g. "rel-swap"
    /// Triggered by an anomaly of the code itself (a loop update without effect, a gap in an
    /// unrolled sequence or in a run of statements over constant indices, a loop stride other
    /// than its body's copies, a read before any write, a shift past the word width, a buffer
    /// index that disagrees with its neighbours, a self-assignment, a cast or declaration of
    /// the other signedness than its value, operators mixed without parentheses the way
    /// compilers warn about): judged before the blind single-point edits.
    bool targeted = false;
};

/// A local variable declared without initializer whose first use in its scope reads it.
struct UninitRead {
    int decl_line = 0; ///< 1-based
    int read_line = 0;
    std::string var;
};

/// Declarations of `src` read before any write (lexical, first use in the declaring scope;
/// uses that might write, such as call arguments, address-of or member calls, end the search
/// without a finding).
std::vector<UninitRead> reads_before_write(const SourceText& src);

/// Locals initialized with an integer literal that nothing in their scope changes, yet read:
/// a computed value replaced by a constant, or a constant not declared const.
std::vector<UninitRead> never_written(const SourceText& src);

/// Candidate fixes for `line` of `src`, most plausible first, without duplicates.
std::vector<Candidate> repair_candidates(const SourceText& src, int line);

/// Applies a candidate to the source text.
std::string apply_candidate(const SourceText& src, const Candidate& c);

} // namespace hlsv::assist::detail
