// PragmaPlacementCheck: Flags loop and function pragmas placed where there is no loop or function
// body to govern. Docs: docs/checks/<id>.md (generated from the registry by `hlsv check
// --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags loop and function pragmas placed where there is no loop or function body to govern.
HLSV_DECLARE_CHECK(PragmaPlacementCheck);

} // namespace hlsv::check
