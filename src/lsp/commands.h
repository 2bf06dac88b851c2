// workspace/executeCommand: C simulation ("simulate this design") and the debugging assistant
// ("debug this design") on the design directory that holds a file. Results come back as
// diagnostics (with related information pointing at the testbench) and, for debug, as proven
// line fixes that code actions offer.
#pragma once

#include "actions.h"
#include "project.h"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hlsv::lsp {

struct CommandResult {
    std::map<std::string, nlohmann::json> diagnostics; ///< uri -> Diagnostic[]
    std::map<std::string, std::vector<LineFix>> fixes; ///< uri -> proven fixes
    nlohmann::json summary;                            ///< the executeCommand result
};

/// Reports a stage of long work ("building and running the testbench").
using Progress = std::function<void(const std::string& message)>;

/// C-simulates the design in `design_dir` (its golden sources against its testbench).
/// Throws InputError for a design that cannot be loaded or has no testbench.
CommandResult simulate_design(const fs::path& design_dir, const Project& project,
                              const Progress& progress);

/// Runs `hlsv debug` on the design in `design_dir`, with the backend of hlsv.toml (rules when
/// none). Throws InputError like simulate_design.
CommandResult debug_design(const fs::path& design_dir, const Project& project,
                           const Progress& progress);

} // namespace hlsv::lsp
