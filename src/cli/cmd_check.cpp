// hlsv check PATH... [--format text|json|sarif|junit] [-o FILE] [--rules LIST] [--severity LEVEL]
//                    [--baseline FILE] [--write-baseline FILE] [-D NAME[=V]]... [--list-rules]
//                    [--write-docs DIR]
#include "check/check.h"
#include "cli.h"

namespace hlsv::cli {

namespace {

std::string rule_page(const check::RuleInfo& r) {
    std::string page = "# " + r.id + "\n\n" + r.summary + "\n\n";
    page += "- Chrysalis type: " +
            (r.type ? "`" + *r.type + "`" : std::string("none (outside the catalog)")) + "\n";
    page += "- Default severity: " + std::string(check::to_string(r.severity)) + "\n";
    page += "- Message: `" + r.message + "`\n\n## How to fix\n\n" + r.help + "\n\n";
    page += "## Suppress\n\n`// hlsv-ignore " + r.id + "` on the line or the line before.\n\n";
    page += "Tests: `tests/check/" + r.id + "/` (firing and non-firing designs).\n";
    return page;
}

} // namespace

void add_check(CLI::App& app, Context& ctx) {
    struct Args {
        std::vector<std::string> paths;
        std::string format = "text";
        std::string output;
        std::string rules;
        std::string severity = "note";
        std::string baseline;
        std::string write_baseline;
        std::vector<std::string> includes;
        std::vector<std::string> defines;
        bool list_rules = false;
        std::string write_docs;
    };
    auto args = std::make_shared<Args>();
    app.add_option("PATH", args->paths,
                   "Source files or directories (walked for .c/.cc/.cpp/.h/.hpp)");
    add_format_option(app, &args->format, {"text", "json", "sarif", "junit"});
    app.add_option("-o,--output", args->output, "Write the report to FILE instead of stdout");
    app.add_option(
        "--rules", args->rules,
        "Comma-separated rule ids or Chrysalis types to run (default: all; see --list-rules)");
    app.add_option("--severity", args->severity,
                   "Report only findings at or above LEVEL (note|warning|error); exit 1 if any")
        ->capture_default_str();
    app.add_option("--baseline", args->baseline,
                   "Ignore findings recorded in FILE (an earlier --format json or sarif output)");
    app.add_option("--write-baseline", args->write_baseline,
                   "Also write every current finding to FILE (JSON) for use with --baseline");
    app.add_option("-I,--include", args->includes,
                   "Directory searched for quoted includes (constants)");
    app.add_option("-D,--define", args->defines,
                   "Preprocessor define NAME[=VALUE] for #if evaluation (repeatable; the "
                   "-D flags of a design's hlsv.json apply too); inactive branches are skipped");
    app.add_flag("--list-rules", args->list_rules,
                 "List the rules (id, type, severity, summary) and exit");
    app.add_option("--write-docs", args->write_docs,
                   "Write one Markdown page per rule into DIR and exit");
    app.callback([args, &ctx] {
        if (!args->write_docs.empty()) {
            std::string index =
                "# hlsv check rules\n\n| rule | type | severity | summary |\n|---|---|---|---|\n";
            for (const auto& r : check::rules()) {
                write_file_atomic(fs::path(args->write_docs) / (r.id + ".md"), rule_page(r));
                index += "| [" + r.id + "](" + r.id + ".md) | " + r.type.value_or("-") + " | " +
                         std::string(check::to_string(r.severity)) + " | " + r.summary + " |\n";
            }
            write_file_atomic(fs::path(args->write_docs) / "README.md", index);
            return;
        }
        if (args->list_rules) {
            std::string text;
            for (const auto& r : check::rules()) {
                text += r.id + "\t" + r.type.value_or("-") + "\t" +
                        std::string(check::to_string(r.severity)) + "\t" + r.summary + "\n";
            }
            emit_output(args->output, text);
            return;
        }
        if (args->paths.empty()) {
            throw InputError("hlsv check needs at least one PATH (file or directory)");
        }
        check::Options opts;
        opts.min_severity = check::parse_severity(args->severity);
        if (!args->rules.empty()) {
            opts.rules = check::parse_rule_list(args->rules);
        }
        opts.include_dirs = ctx.config.include_dirs;
        opts.include_dirs.insert(opts.include_dirs.end(), args->includes.begin(),
                                 args->includes.end());
        opts.defines = args->defines;
        std::set<std::string> known;
        if (!args->baseline.empty()) {
            known = check::load_baseline(args->baseline);
        }
        std::vector<fs::path> paths(args->paths.begin(), args->paths.end());
        check::Report report = check::check_paths(paths, opts);
        if (!args->write_baseline.empty()) {
            write_file_atomic(args->write_baseline, check::format_json(report));
        }
        check::apply_baseline(report, known);
        std::string out;
        if (args->format == "json") {
            out = check::format_json(report);
        } else if (args->format == "sarif") {
            out = check::format_sarif(report);
        } else if (args->format == "junit") {
            out = check::format_junit(report);
        } else {
            out = check::format_text(report);
        }
        emit_output(args->output, out);
        if (report.files.empty() && !report.notes.empty()) {
            // Nothing was checked (too large, binary, unreadable): a CI job must not go green.
            std::string why = report.notes.front().message;
            if (why.rfind("skipped: ", 0) == 0) {
                why.erase(0, 9);
            }
            throw InputError("no file could be checked: " + why);
        }
        if (check::has_findings(report, opts.min_severity)) {
            ctx.exit = ExitCode::findings;
        }
    });
}

} // namespace hlsv::cli
