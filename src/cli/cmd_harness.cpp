// hlsv harness DESIGN [--prelude FILE] [--out FILE] [--format json|text]
#include "cli.h"
#include "difftest/difftest.h"

#include <nlohmann/json.hpp>

namespace hlsv::cli {

void add_harness(CLI::App& app, Context& ctx) {
    struct Args {
        std::string design;
        std::string prelude;
        std::string out;
        std::string hls_include;
        std::string format = "text";
    };
    auto args = std::make_shared<Args>();
    app.add_option("DESIGN", args->design, "Design directory or a single source file")->required();
    app.add_option("--prelude", args->prelude,
                   "Use this prelude (declarations placed before the source) instead of "
                   "synthesizing one; checked to compile");
    app.add_option("-o,--out", args->out,
                   "Write the prelude here for review (default: <design>/hlsv_prelude.h when "
                   "one is needed)");
    app.add_option("--hls-include", args->hls_include,
                   "Directory with ap_int.h, hls_stream.h, ... (default: hlsv's own)");
    add_format_option(app, &args->format, {"json", "text"});
    app.callback([args, &ctx] {
        DesignSpec design = load_design(args->design);
        fs::path top = difftest::top_source(design);
        difftest::Prelude p;
        if (!args->prelude.empty()) {
            p.text = read_file(args->prelude);
            p.provided.push_back("user prelude " + args->prelude);
        } else {
            p = difftest::synthesize_prelude(top, design.language, design.cflags,
                                             args->hls_include);
        }
        fs::path out = !args->out.empty()
                           ? fs::path(args->out)
                           : (fs::is_directory(design.dir) ? design.dir : top.parent_path()) /
                                 "hlsv_prelude.h";
        if (args->prelude.empty() && !p.text.empty()) {
            write_file_atomic(out, "// Prelude synthesized by `hlsv harness` for " +
                                       top.filename().string() + ": review before use.\n" + p.text);
        }
        if (args->format == "json") {
            nlohmann::ordered_json j;
            j["source"] = top.string();
            j["compiles"] = p.compiles;
            j["provided"] = p.provided;
            j["empty_headers"] = p.empty_headers;
            j["prelude"] = p.text;
            j["written"] = p.text.empty() || !args->prelude.empty() ? "" : out.string();
            j["diagnostic"] = p.diagnostic;
            emit_output("", j.dump(2));
        } else {
            std::string t = top.string() + ": " +
                            (p.compiles ? "compiles" : "does not compile: " + p.diagnostic) + "\n";
            for (const auto& line : p.provided) {
                t += "  " + line + "\n";
            }
            if (args->prelude.empty() && !p.text.empty()) {
                t += "prelude written to " + out.string() + "\n";
            }
            emit_output("", t);
        }
        ctx.exit = p.compiles ? ExitCode::ok : ExitCode::findings;
    });
}

} // namespace hlsv::cli
