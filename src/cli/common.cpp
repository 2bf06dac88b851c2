// Small helpers shared by subcommands (output destination, format option).
#include "cli.h"
#include "rag/rag.h"

#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <stdexcept>

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

namespace {
bool is_numeric(const CLI::Option& opt) {
    if (opt.get_expected_max() == 0) {
        return false; // a flag
    }
    std::string type = opt.get_type_name();
    for (const char* t : {"INT", "UINT", "FLOAT", "NUMBER"}) {
        std::string_view tv(t);
        if (type.compare(0, tv.size(), tv) == 0 &&
            (type.size() == tv.size() || type[tv.size()] == ':')) {
            return true;
        }
    }
    return false;
}

const NumericRange* range_of(const CLI::Option& opt) {
    for (const auto& name : opt.get_lnames()) {
        if (const auto* r = numeric_range(name)) {
            return r;
        }
    }
    return nullptr;
}

CLI::Validator range_validator(const NumericRange& r) {
    std::string desc = r.min_exclusive ? fmt::format(">{}..{}", r.min, r.max)
                                       : fmt::format("{}..{}", r.min, r.max);
    return CLI::Validator(
        [r](std::string& text) -> std::string {
            const char* begin = text.c_str();
            char* end = nullptr;
            double v = std::strtod(begin, &end);
            if (end == begin) {
                return {}; // not a number at all: the conversion reports it with the type
            }
            return range_error(r, v);
        },
        desc);
}
CLI::Validator store_validator() {
    return CLI::Validator(
        [](std::string& path) -> std::string {
            try {
                rag::require_store_or_absent(fs::absolute(path));
            } catch (const Error& e) {
                return e.what();
            }
            return {};
        },
        "STORE");
}
} // namespace

void apply_option_checks(CLI::App& app) {
    for (CLI::Option* opt : app.get_options()) {
        if (opt->check_lname("db")) {
            opt->check(store_validator());
        }
        if (!is_numeric(*opt)) {
            continue;
        }
        const NumericRange* r = range_of(*opt);
        if (!r) {
            throw std::logic_error("numeric option " + opt->get_name() + " of '" + app.get_name() +
                                   "' has no row in numeric_ranges()");
        }
        opt->check(range_validator(*r));
    }
    for (CLI::App* sub : app.get_subcommands({})) {
        apply_option_checks(*sub);
    }
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
