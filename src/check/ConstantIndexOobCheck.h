// ConstantIndexOobCheck: Flags constant indexes and constant-bound loop indexes past an array
// dimension (OOB). Docs: docs/checks/<id>.md (generated from the registry by `hlsv check
// --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags constant indexes and constant-bound loop indexes past an array dimension (OOB).
HLSV_DECLARE_CHECK(ConstantIndexOobCheck);

} // namespace hlsv::check
