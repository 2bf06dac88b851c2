// FactorDivisibilityCheck: Flags partition and unroll factors that do not divide the dimension or
// trip count (FND). Docs: docs/checks/<id>.md (generated from the registry by `hlsv check
// --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags partition and unroll factors that do not divide the dimension or trip count (FND).
HLSV_DECLARE_CHECK(FactorDivisibilityCheck);

} // namespace hlsv::check
