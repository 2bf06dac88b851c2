// PartitionFactorCheck: Flags factor= on complete partitions, and cyclic/block partitions without a
// valid factor. Docs: docs/checks/<id>.md (generated from the registry by `hlsv check
// --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags factor= on complete partitions, and cyclic/block partitions without a valid factor.
HLSV_DECLARE_CHECK(PartitionFactorCheck);

} // namespace hlsv::check
