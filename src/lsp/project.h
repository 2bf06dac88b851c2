// What surrounds a file: hlsv.toml (project settings) and the design directory (hlsv.json, or a
// Vitis HLS project) found by walking up from it. Both shape the checker's options and name the
// design that the simulate and debug commands run.
#pragma once

#include "check/check.h"
#include "core/core.h"

#include <optional>
#include <string>
#include <vector>

namespace hlsv::lsp {

struct Project {
    Config config;                  ///< from the nearest hlsv.toml (defaults when none)
    std::optional<fs::path> design; ///< nearest directory with hlsv.json / hls_config.cfg / Tcl
    check::Options check;           ///< include dirs from hlsv.toml, the design's -I flags
    /// Problems with those files (malformed TOML or JSON), shown as diagnostics on line 1.
    std::vector<std::string> problems;
};

/// Looks up the project of `file` (empty path: an untitled buffer, defaults only).
Project find_project(const fs::path& file);

/// The design directory holding `file`, if any (the first ancestor that load_design accepts as
/// a directory).
std::optional<fs::path> find_design_dir(const fs::path& file);

} // namespace hlsv::lsp
