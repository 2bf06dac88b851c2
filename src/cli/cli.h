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

/// The checks every command shares, attached in one place to the options of `app` and its
/// subcommands:
/// - every numeric option gets the range of its row in core's numeric_ranges(), checked before
///   conversion (so `nan`, `-3` and `0` are refused with the option's name, its bounds and what
///   it counts). Throws std::logic_error naming a numeric option with no row: every number a
///   user can type has a range;
/// - every `--db` refuses a file that is not an hlsv store (rag::require_store_or_absent), also
///   in commands that would open it late or not at all.
void apply_option_checks(CLI::App& app);

/// Writes `text` to `path` atomically, or to stdout when `path` is empty or "-".
void emit_output(const std::string& path, const std::string& text);

} // namespace hlsv::cli
