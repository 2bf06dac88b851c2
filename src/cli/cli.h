// The hlsv command line: argument parsing only. Each subcommand lives in its own cmd_<name>.cpp
// and calls into the pipeline modules; registry.cpp lists them.
#pragma once

#include "core/core.h"

#include <CLI/CLI.hpp>
#include <string>

namespace hlsv::cli {

/// Settings shared by every subcommand, filled from hlsv.toml and the global flags.
struct Context {
    Config config;
    ExitCode exit = ExitCode::ok; ///< set by the subcommand that ran
};

/// One row per subcommand, as ninja lists its subtools.
struct Command {
    const char* name;
    const char* summary;
    void (*add)(CLI::App& app, Context& ctx); ///< adds options and the callback to `app`
};

/// The registered subcommands (registry.cpp).
const std::vector<Command>& commands();

/// Adds `--format` restricted to `choices` with `*out` as default.
void add_format_option(CLI::App& app, std::string* out, std::vector<std::string> choices);

/// Writes `text` to `path` atomically, or to stdout when `path` is empty or "-".
void emit_output(const std::string& path, const std::string& text);

} // namespace hlsv::cli
