// UninitReadCheck: Flags reads of a local before any write on the path that reaches them (INIT).
// Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags reads of a local before any write on the path that reaches them (INIT).
HLSV_DECLARE_CHECK(UninitReadCheck);

} // namespace hlsv::check
