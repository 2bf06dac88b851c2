// UnknownPragmaOptionCheck: Flags HLS pragma options and directives that Vitis HLS does not know.
// Docs: docs/checks/<id>.md (generated from the registry by `hlsv check --list-rules`).
#pragma once

#include "rule.h"

namespace hlsv::check {

/// Flags HLS pragma options and directives that Vitis HLS does not know.
HLSV_DECLARE_CHECK(UnknownPragmaOptionCheck);

} // namespace hlsv::check
