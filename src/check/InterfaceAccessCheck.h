// InterfaceAccessCheck: Flags ap_fifo/axis ports read non-sequentially or more than once (IDAP).
// Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags ap_fifo/axis ports read non-sequentially or more than once (IDAP).
HLSV_DECLARE_CHECK(InterfaceAccessCheck);

} // namespace hlsv::check
