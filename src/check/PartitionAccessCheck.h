// PartitionAccessCheck: Flags array_partition types that put the elements an unrolled loop reads in
// parallel into the same bank (APT). Docs: docs/checks/<id>.md (generated from the registry by
// `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags array_partition types that put the elements an unrolled loop reads in parallel into the
/// same bank (APT).
HLSV_DECLARE_CHECK(PartitionAccessCheck);

} // namespace hlsv::check
