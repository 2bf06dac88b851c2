// InterfacePortCheck: Flags interface pragmas whose port= is not a parameter of the function.
// Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags interface pragmas whose port= is not a parameter of the function.
HLSV_DECLARE_CHECK(InterfacePortCheck);

} // namespace hlsv::check
