// Hover cards: on a `#pragma HLS` line, what the directive does and the options it takes; on a
// flagged line, each finding's rule documentation (summary, how to fix, how to suppress).
#pragma once

#include "diagnostics.h"
#include "documents.h"

#include <nlohmann/json.hpp>

namespace hlsv::lsp {

/// `Hover` for the 0-based `line`, or null when there is nothing to say.
nlohmann::json hover(const Document& doc, const Analysis& a, int line, Encoding enc);

} // namespace hlsv::lsp
