// hlsv.toml: project defaults for global settings, found by walking up from the working dir.
#include "core.h"

#include <toml++/toml.h>

namespace hlsv {

Config load_config(const fs::path& start) {
    Config cfg;
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec);
    fs::path file;
    while (!dir.empty()) {
        if (fs::is_regular_file(dir / "hlsv.toml", ec)) {
            file = dir / "hlsv.toml";
            break;
        }
        if (dir == dir.parent_path()) {
            break;
        }
        dir = dir.parent_path();
    }
    if (file.empty()) {
        return cfg;
    }
    toml::table t;
    try {
        t = toml::parse_file(file.string());
    } catch (const toml::parse_error& ex) {
        throw InputError(file, std::string("malformed TOML: ") + std::string(ex.description()));
    }
    for (auto&& [key, value] : t) {
        std::string k(key.str());
        if (k.find("key") != std::string::npos || k.find("token") != std::string::npos ||
            k.find("password") != std::string::npos || k.find("secret") != std::string::npos) {
            throw InputError(file, "'" + k +
                                       "': secrets do not belong in hlsv.toml; use the "
                                       "HLSV_LLM_API_KEY environment variable");
        }
        (void)value;
    }
    cfg.source = file;
    auto rel = [&](const std::string& p) {
        fs::path q(p);
        return q.is_absolute() ? q.string() : (file.parent_path() / q).string();
    };
    if (auto v = t["db"].value<std::string>()) {
        cfg.db = rel(*v);
    }
    if (auto arr = t["include_dirs"].as_array()) {
        for (auto& e : *arr) {
            if (auto s = e.value<std::string>()) {
                cfg.include_dirs.push_back(rel(*s));
            }
        }
    }
    if (auto v = t["backend"].value<std::string>()) {
        cfg.backend = *v;
    }
    if (auto v = t["base_url"].value<std::string>()) {
        cfg.base_url = *v;
    }
    if (auto v = t["model"].value<std::string>()) {
        cfg.model = *v;
    }
    if (auto v = t["jobs"].value<int64_t>()) {
        cfg.jobs = static_cast<int>(*v);
    }
    return cfg;
}

} // namespace hlsv
