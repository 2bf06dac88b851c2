// hlsv cache info|clear [--cache-dir DIR] [--format json|text]
#include "cli.h"
#include "csim/csim.h"

#include <nlohmann/json.hpp>

namespace hlsv::cli {

namespace {

std::string human(std::uintmax_t bytes) {
    char buf[32];
    if (bytes >= (1u << 20)) {
        std::snprintf(buf, sizeof buf, "%.1f MiB", double(bytes) / (1u << 20));
    } else {
        std::snprintf(buf, sizeof buf, "%.1f KiB", double(bytes) / 1024);
    }
    return buf;
}

} // namespace

void add_cache(CLI::App& app, Context& ctx) {
    struct Args {
        std::string action;
        std::string dir;
        std::string format = "text";
    };
    auto args = std::make_shared<Args>();
    app.add_option("ACTION", args->action, "info: where the cache is and its size; clear: empty it")
        ->required()
        ->check(CLI::IsMember({"info", "clear"}));
    app.add_option("--cache-dir", args->dir,
                   "Cache directory (default: $HLSV_CACHE_DIR, else $XDG_CACHE_HOME/hlsv/csim, "
                   "else ~/.cache/hlsv/csim)");
    add_format_option(app, &args->format, {"text", "json"});
    app.callback([args, &ctx] {
        fs::path dir = args->dir.empty() ? csim::default_cache_directory() : fs::path(args->dir);
        if (args->action == "clear") {
            auto freed = csim::clear_cache(dir);
            if (args->format == "json") {
                emit_output("",
                            nlohmann::json{{"dir", dir.string()}, {"freed_bytes", freed}}.dump(2));
            } else {
                emit_output("", "cleared " + dir.string() + " (" + human(freed) + ")");
            }
            ctx.exit = ExitCode::ok;
            return;
        }
        auto info = csim::cache_info(dir);
        if (args->format == "json") {
            nlohmann::ordered_json j;
            j["dir"] = info.dir.string();
            j["bytes"] = info.bytes;
            j["objects"] = info.objects;
            j["manifests"] = info.manifests;
            j["goldens"] = info.goldens;
            j["pch_files"] = info.pch;
            j["other_files"] = info.other;
            emit_output("", j.dump(2));
        } else {
            emit_output("", "cache: " + info.dir.string() + "\nsize: " + human(info.bytes) +
                                "\nobjects: " + std::to_string(info.objects) + " (" +
                                std::to_string(info.manifests) + " dependency manifests)" +
                                "\ngolden results: " + std::to_string(info.goldens) +
                                "\nprecompiled-header files: " + std::to_string(info.pch));
        }
        ctx.exit = ExitCode::ok;
    });
}

} // namespace hlsv::cli
