// hlsv lsp [--stdio] [--debounce MS]  (and the hidden --job of its command processes)
#include "cli.h"
#include "lsp/lsp.h"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace hlsv::cli {

void add_lsp(CLI::App& app, Context& /*ctx: settings are per file, from hlsv.toml upward*/) {
    struct Args {
        bool stdio = false;
        lsp::ServerOptions opts;
        std::string job;
        std::string design;
        std::string file;
    };
    auto a = std::make_shared<Args>();
    app.add_flag("--stdio", a->stdio,
                 "Talk LSP over stdin/stdout (the only transport; accepted for clients that pass "
                 "it)");
    app.add_option("--debounce", a->opts.debounce_ms,
                   "Milliseconds of quiet after a change before the file is checked again")
        ->capture_default_str();
    // The server's own child processes for long commands (hidden: not for users).
    app.add_option("--job", a->job)->group("");
    app.add_option("--design", a->design)->group("");
    app.add_option("--file", a->file)->group("");
    app.footer("Settings come from hlsv.toml and hlsv.json found upward from each open file. "
               "Commands: hlsv.simulate and hlsv.debug (argument: the file's URI). "
               "See docs/editors.md.");
    app.callback([a] {
        if (!a->job.empty()) {
            int code = lsp::run_command_job(a->job, a->design, a->file, STDOUT_FILENO);
            std::fflush(stderr);
            std::_Exit(code);
        }
        int code = lsp::serve(STDIN_FILENO, STDOUT_FILENO, a->opts);
        // Command workers (a simulation, a debug run) may still be running; they hold no
        // state worth saving, so leave at once instead of tearing down under them.
        std::fflush(stderr);
        std::_Exit(code);
    });
}

} // namespace hlsv::cli
