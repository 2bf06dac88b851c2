// InfiniteLoopCheck: Flags loops whose exit condition can never change (INF).
// Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags loops whose exit condition can never change (INF).
HLSV_DECLARE_CHECK(InfiniteLoopCheck);

} // namespace hlsv::check
