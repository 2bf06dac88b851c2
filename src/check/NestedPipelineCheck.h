// NestedPipelineCheck: Flags a pipeline pragma nested in a pipelined loop or function (MLP).
// Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags a pipeline pragma nested in a pipelined loop or function (MLP).
HLSV_DECLARE_CHECK(NestedPipelineCheck);

} // namespace hlsv::check
