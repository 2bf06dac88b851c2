// UnrollInnerLoopCheck: Flags an unrolled loop whose inner loops are not fully unrolled (ILNU).
// Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags an unrolled loop whose inner loops are not fully unrolled (ILNU).
HLSV_DECLARE_CHECK(UnrollInnerLoopCheck);

} // namespace hlsv::check
