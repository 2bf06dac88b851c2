// hlsv validate DESIGN BUGFILE [--bug T[,T2]] [--format text|json] [--no-sanitizers]
#include "cli.h"
#include "inject/inject.h"

#include <fmt/format.h>

namespace hlsv::cli {

void add_validate(CLI::App& app, Context& ctx) {
    struct Args {
        std::string design;
        std::string component;
        std::string bug_file;
        std::string bugs;
        std::string format = "text";
        bool no_sanitizers = false;
        bool diff = false;
    };
    auto args = std::make_shared<Args>();
    app.add_option("DESIGN", args->design,
                   "Design directory (hlsv.json or Vitis project) or source file")
        ->required();
    app.add_option("--component", args->component,
                   "Component of a Vitis project with several (default: the first)");
    app.add_option("BUGFILE", args->bug_file, "Chrysalis bug file (JSON) to apply and validate")
        ->required();
    app.add_option("--bug", args->bugs,
                   "Requested bug type(s); the file's types must match (default: any)");
    app.add_flag("--no-sanitizers", args->no_sanitizers,
                 "Skip the sanitizer re-run of variants that pass");
    app.add_flag("--diff", args->diff,
                 "No testbench, or a silent verdict: compare golden and buggy code on generated "
                 "inputs (evidence differential, with a witness testbench)");
    add_format_option(app, &args->format, {"text", "json"});
    app.callback([args, &ctx] {
        DesignSpec design = load_design(args->design, args->component);
        Injection inj;
        try {
            inj = parse_injection(read_file(args->bug_file));
        } catch (const InputError& e) {
            std::string msg = e.what();
            if (msg.rfind(args->bug_file, 0) == 0) {
                throw;
            }
            throw InputError(args->bug_file, msg);
        }
        for (const auto& s : inj.specs) {
            if (!BugCatalog::get().find(s.type)) {
                throw InputError(args->bug_file, fmt::format("unknown bug type '{}'", s.type));
            }
        }
        inject::ValidateOptions vo;
        if (!args->bugs.empty()) {
            vo.requested = BugCatalog::get().parse_list(args->bugs);
        }
        vo.sanitizers = !args->no_sanitizers;
        vo.differential = args->diff;
        auto v = inject::validate(design, {inj}, vo).front();
        if (args->format == "json") {
            emit_output("", v.to_json().dump(2) + "\n");
        } else {
            std::string head(inject::to_string(v.verdict));
            if (!v.evidence.empty()) {
                head += " (" + v.evidence + ")";
            }
            emit_output("", fmt::format("{}{}: {}\n", v.diff, head, v.reason));
        }
        ctx.exit = v.verdict == inject::Verdict::valid ? ExitCode::ok : ExitCode::findings;
    });
}

} // namespace hlsv::cli
