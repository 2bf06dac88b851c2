// DataflowPlacementCheck: Flags a dataflow pragma outside a function or loop body made of calls and
// loops (DFP). Docs: docs/checks/<id>.md (generated from the registry by `hlsv check
// --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags a dataflow pragma outside a function or loop body made of calls and loops (DFP).
HLSV_DECLARE_CHECK(DataflowPlacementCheck);

} // namespace hlsv::check
