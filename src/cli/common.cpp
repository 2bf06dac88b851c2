// Small helpers shared by subcommands (output destination, format option).
#include "cli.h"

#include <iostream>

namespace hlsv::cli {

void add_format_option(CLI::App& app, std::string* out, std::vector<std::string> choices) {
    std::string desc = "Output format (";
    for (std::size_t i = 0; i < choices.size(); ++i) {
        desc += (i ? "|" : "") + choices[i];
    }
    desc += ")";
    app.add_option("--format", *out, desc)
        ->check(CLI::IsMember(std::move(choices)))
        ->capture_default_str();
}

void emit_output(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::cout << text;
        if (!text.empty() && text.back() != '\n') {
            std::cout << '\n';
        }
        return;
    }
    write_file_atomic(path, text);
}

} // namespace hlsv::cli
