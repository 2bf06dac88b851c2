// ShiftWidthCheck: Flags shifts by a constant at least the width of the shifted operand (SHFT).
// Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags shifts by a constant at least the width of the shifted operand (SHFT).
HLSV_DECLARE_CHECK(ShiftWidthCheck);

} // namespace hlsv::check
