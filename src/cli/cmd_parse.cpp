// hlsv parse FILE... [--top NAME] [-I DIR] [--format json|text]
#include "cli.h"
#include "parse/parse.h"

#include <nlohmann/json.hpp>

namespace hlsv::cli {

void add_parse(CLI::App& app, Context& ctx) {
    struct Args {
        std::vector<std::string> files;
        std::string top;
        std::vector<std::string> includes;
        std::vector<std::string> defines;
        std::string format = "json";
        bool no_clang = false;
    };
    auto args = std::make_shared<Args>();
    app.add_option("FILE", args->files, "C/C++ source files to parse")->required();
    app.add_option("--top", args->top, "Name of the top function (default: guessed)");
    app.add_option("-I,--include", args->includes, "Extra include directory");
    app.add_option("-D,--define", args->defines, "Preprocessor definition NAME[=VALUE]");
    app.add_flag("--no-clang", args->no_clang, "Tree-sitter facts only (no libclang semantics)");
    add_format_option(app, &args->format, {"json", "text"});
    app.callback([args, &ctx] {
        parse::Options opts;
        opts.top = args->top;
        opts.include_dirs = ctx.config.include_dirs;
        opts.include_dirs.insert(opts.include_dirs.end(), args->includes.begin(),
                                 args->includes.end());
        for (const auto& d : args->defines) {
            opts.cflags.push_back("-D" + d);
        }
        opts.use_libclang = !args->no_clang;
        nlohmann::ordered_json all = nlohmann::ordered_json::array();
        std::string text;
        for (const auto& f : args->files) {
            auto facts = parse::parse_file(f, opts);
            if (args->format == "json") {
                all.push_back(parse::to_json(facts));
            } else {
                text += parse::to_text(facts);
            }
        }
        if (args->format == "json") {
            // `replace`: a path with invalid UTF-8 must not turn into an internal error.
            emit_output("",
                        (all.size() == 1 ? all[0] : all)
                            .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
        } else {
            emit_output("", text);
        }
    });
}

} // namespace hlsv::cli
