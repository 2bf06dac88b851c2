// Pieces shared by the files of the difftest module.
#pragma once

#include "difftest.h"

namespace hlsv::difftest {

/// The top-level `#include` lines of headers in `text` (for inclusion outside the namespaces).
std::string hoisted_includes(const std::string& text);

/// The design-specific part of drivers and witnesses: argument storage, fill, calls, compare,
/// print. `golden_ns`/`variant_ns` qualify the top function ("hlsv_golden::" or "::").
std::string design_block(const Signature& sig, const std::string& golden_ns,
                         const std::string& variant_ns);

/// A witness testbench replaying `words` (after `w.history` seeded calls).
std::string witness_source(const DesignSpec& design, const fs::path& top_src, const Signature& sig,
                           const std::string& prelude, const Witness& w,
                           const std::vector<std::uint64_t>& words, const std::string& summary);

} // namespace hlsv::difftest
