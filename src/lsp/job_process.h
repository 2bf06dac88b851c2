// Long editor commands (simulate, debug) run in a child `hlsv lsp --job` process, so that a
// cancel kills the work itself (compilers, simulations, the fix search), not only its answer.
// The child writes JSON lines on stdout: {"progress": "..."} while it works, then one
// {"result": {...}} or {"error": {"kind": "input"|"internal", "message": "..."}}.
#pragma once

#include "commands.h"

#include <atomic>
#include <optional>
#include <string>

namespace hlsv::lsp {

struct JobRequest {
    std::string command; ///< kSimulateCommand or kDebugCommand
    fs::path design;     ///< the design directory
    fs::path file;       ///< the file the command was asked for (its hlsv.toml applies)
};

/// In the child: runs the command and writes its progress and result to `out_fd`. Returns the
/// process exit code (0 when the result, even a failing one, was written).
int run_job(const JobRequest& request, int out_fd);

/// In the server: starts `hlsv lsp --job ...` (this executable), forwards its progress, and
/// returns its result. When `cancelled` turns true, the child's whole process group is killed
/// and nullopt comes back. Throws InputError / InternalError with the child's message when the
/// command failed.
std::optional<CommandResult> run_job_process(const JobRequest& request, const Progress& progress,
                                             const std::atomic<bool>& cancelled);

} // namespace hlsv::lsp
