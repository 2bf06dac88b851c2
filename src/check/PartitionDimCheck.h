// PartitionDimCheck: Flags array_partition/array_reshape dim values outside 0..rank (DID).
// Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags array_partition/array_reshape dim values outside 0..rank (DID).
HLSV_DECLARE_CHECK(PartitionDimCheck);

} // namespace hlsv::check
