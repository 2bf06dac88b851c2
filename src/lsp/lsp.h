// hlsv lsp: a Language Server Protocol 3.17 server over stdio. It publishes the static checker's
// findings on the editor's in-memory text as diagnostics (debounced), offers each finding's
// fix-it and an `// hlsv-ignore RULE` comment as code actions, explains pragmas and flagged
// lines on hover, and runs C simulation and the debugging assistant on the design directory
// that holds a file (workspace/executeCommand), with progress and cancellation.
#pragma once

#include "core/core.h"

namespace hlsv::lsp {

struct ServerOptions {
    /// Quiet time before a document is checked again when changes come faster than this
    /// (typing bursts coalesce into one check); an isolated change is checked at once. A check
    /// already running is never interrupted; a change that arrives during it is checked next.
    int debounce_ms = 15;
    /// Buffers larger than this are not checked (one information diagnostic says so): the
    /// checker needs seconds per MiB, far from interactive, and would delay every other file.
    std::size_t max_check_bytes = 4u << 20;
    /// Hover and code actions check a stale buffer on the spot only up to this size; bigger
    /// ones wait for the checking thread (answers meanwhile carry no findings).
    std::size_t max_sync_check_bytes = 512u << 10;
    /// Largest JSON-RPC message accepted; bigger ones are skipped with an error response.
    std::size_t max_message_bytes = 64u << 20;
};

/// Serves one client on `in_fd`/`out_fd` until `exit` or end of input. Returns the process
/// exit code the protocol asks for: 0 when `shutdown` came before `exit`, 1 otherwise.
int serve(int in_fd, int out_fd, const ServerOptions& opts = {});

/// The commands `workspace/executeCommand` accepts (also announced in `initialize`).
inline constexpr const char* kSimulateCommand = "hlsv.simulate";
inline constexpr const char* kDebugCommand = "hlsv.debug";

/// The server runs each command in a child process (`hlsv lsp --job COMMAND --design DIR
/// --file FILE`), so a cancel can kill it; this is that child's body. It writes JSON lines to
/// `out_fd` and returns the exit code.
int run_command_job(const std::string& command, const fs::path& design, const fs::path& file,
                    int out_fd);

} // namespace hlsv::lsp
