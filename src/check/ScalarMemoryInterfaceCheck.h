// ScalarMemoryInterfaceCheck: Flags a scalar passed by value given a memory or stream interface
// mode (SMA). Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags a scalar passed by value given a memory or stream interface mode (SMA).
HLSV_DECLARE_CHECK(ScalarMemoryInterfaceCheck);

} // namespace hlsv::check
