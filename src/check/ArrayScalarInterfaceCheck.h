// ArrayScalarInterfaceCheck: Flags an array (or indexed pointer) port given a scalar interface mode
// such as ap_none (AMS). Docs: docs/checks/<id>.md (generated from the registry by `hlsv check
// --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags an array (or indexed pointer) port given a scalar interface mode such as ap_none (AMS).
HLSV_DECLARE_CHECK(ArrayScalarInterfaceCheck);

} // namespace hlsv::check
