// hlsv.toml: project defaults for global settings, found by walking up from the working dir.
#include "core.h"
#include "schema.h"

#include <toml++/toml.h>

namespace hlsv {

namespace {
// The keys hlsv.toml may hold (README "Commands").
constexpr schema::Key k_config_keys[] = {
    {"db", schema::Kind::string},
    {"include_dirs", schema::Kind::strings},
    {"backend", schema::Kind::string},
    {"base_url", schema::Kind::string},
    {"model", schema::Kind::string},
    {"jobs", schema::Kind::integer},
    {"max_input_mb", schema::Kind::integer},
};

schema::Kind kind_of(const toml::node& n) {
    if (n.is_string()) {
        return schema::Kind::string;
    }
    if (n.is_integer()) {
        return schema::Kind::integer;
    }
    if (n.is_floating_point()) {
        return schema::Kind::number;
    }
    if (n.is_boolean()) {
        return schema::Kind::boolean;
    }
    if (n.is_table()) {
        return schema::Kind::object;
    }
    if (const auto* arr = n.as_array()) {
        for (const auto& e : *arr) {
            if (!e.is_string()) {
                return schema::Kind::other;
            }
        }
        return schema::Kind::strings;
    }
    return schema::Kind::other;
}
} // namespace

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
    std::vector<schema::Found> found;
    for (auto&& [key, value] : t) {
        std::string k(key.str());
        if (k.find("key") != std::string::npos || k.find("token") != std::string::npos ||
            k.find("password") != std::string::npos || k.find("secret") != std::string::npos) {
            throw InputError(file, "'" + k +
                                       "': secrets do not belong in hlsv.toml; use the "
                                       "HLSV_LLM_API_KEY environment variable");
        }
        found.push_back({k, kind_of(value)});
    }
    schema::check(file, "hlsv.toml", found, k_config_keys);
    cfg.source = file;
    auto rel = [&](const std::string& p) {
        fs::path q(p);
        return q.is_absolute() ? q.string() : (file.parent_path() / q).string();
    };
    if (auto v = t["db"].value<std::string>()) {
        cfg.db = rel(*v);
    }
    if (auto one = t["include_dirs"].value<std::string>()) {
        cfg.include_dirs.push_back(rel(*one));
    } else if (auto arr = t["include_dirs"].as_array()) {
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
    auto in_range = [&](const char* key, int64_t v) {
        std::string why = range_error(*numeric_range(key), static_cast<double>(v));
        if (!why.empty()) {
            throw InputError(file, "\"" + std::string(key) + "\" " + why);
        }
        return v;
    };
    if (auto v = t["jobs"].value<int64_t>()) {
        cfg.jobs = static_cast<int>(in_range("jobs", *v));
    }
    if (auto v = t["max_input_mb"].value<int64_t>()) {
        cfg.max_input_bytes = static_cast<std::uintmax_t>(in_range("max_input_mb", *v)) << 20;
    }
    return cfg;
}

} // namespace hlsv
