// ConflictingPragmasCheck: Flags two pragmas on one target that contradict each other.
// Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags two pragmas on one target that contradict each other.
HLSV_DECLARE_CHECK(ConflictingPragmasCheck);

} // namespace hlsv::check
