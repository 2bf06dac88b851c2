// MaxiRandomAccessCheck: Flags data-dependent indexes on m_axi ports inside pipelined loops (RAMB).
// Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags data-dependent indexes on m_axi ports inside pipelined loops (RAMB).
HLSV_DECLARE_CHECK(MaxiRandomAccessCheck);

} // namespace hlsv::check
