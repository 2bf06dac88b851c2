// SignExtensionCheck: Flags a narrow signed value widened into a wider unsigned variable (USE).
// Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags a narrow signed value widened into a wider unsigned variable (USE).
HLSV_DECLARE_CHECK(SignExtensionCheck);

} // namespace hlsv::check
