// PragmaVariableCheck: Flags variable= options naming nothing in scope, or a scalar where an array
// is needed. Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags variable= options naming nothing in scope, or a scalar where an array is needed.
HLSV_DECLARE_CHECK(PragmaVariableCheck);

} // namespace hlsv::check
