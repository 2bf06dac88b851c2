// DeprecatedPragmaCheck: Notes pragma spellings that Vivado HLS accepted and current Vitis HLS
// deprecates or no longer supports, with the replacement. Docs: docs/checks/<id>.md.
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Notes deprecated or unsupported pragma spellings and names their replacement.
HLSV_DECLARE_CHECK(DeprecatedPragmaCheck);

} // namespace hlsv::check
