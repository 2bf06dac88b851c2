// Design specs: hlsv.json, or a Vitis HLS project (hls_config.cfg / Tcl script) read as if it
// had one, or a lone source file (no testbench).
#include "core.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

namespace hlsv {

namespace {

std::vector<std::string> json_strings(const nlohmann::json& j, const char* key,
                                      const fs::path& file) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        return out;
    }
    if (it->is_string()) {
        out.push_back(it->get<std::string>());
        return out;
    }
    if (!it->is_array()) {
        throw InputError(file, std::string("\"") + key + "\" must be a list of strings");
    }
    for (const auto& v : *it) {
        if (!v.is_string()) {
            throw InputError(file, std::string("\"") + key + "\" must be a list of strings");
        }
        out.push_back(v.get<std::string>());
    }
    return out;
}

std::vector<fs::path> resolve_all(const fs::path& dir, const std::vector<std::string>& names,
                                  const fs::path& spec_file, const char* what) {
    std::vector<fs::path> out;
    for (const auto& n : names) {
        fs::path p = fs::path(n).is_absolute() ? fs::path(n) : dir / n;
        std::error_code ec;
        if (!fs::is_regular_file(p, ec)) {
            throw InputError(spec_file, std::string(what) + " file not found: " + n);
        }
        out.push_back(fs::weakly_canonical(p));
    }
    return out;
}

std::string guess_language(const std::vector<fs::path>& sources) {
    for (const auto& s : sources) {
        if (s.extension() != ".c") {
            return "c++";
        }
    }
    return sources.empty() ? "c++" : "c";
}

// "expect" (reference outputs) and "main_in_sources": read for C simulation's verdicts.
void read_oracle_keys(DesignSpec& d, const nlohmann::json& j, const fs::path& dir,
                      const fs::path& file) {
    try {
        d.main_in_sources = j.value("main_in_sources", false);
        if (!j.contains("main_in_sources") && d.testbench.empty()) {
            // A self-checking program (CHStone style) with `main` next to the kernel.
            static const std::regex main_def(R"((^|\n)[ \t]*(int|void)[ \t\n]+main[ \t]*\()");
            for (const auto& s : d.sources) {
                std::error_code ec;
                if (fs::is_regular_file(s, ec) && std::regex_search(read_file(s), main_def)) {
                    d.main_in_sources = true;
                }
            }
        }
        if (!j.contains("expect")) {
            return;
        }
        const auto& e = j.at("expect");
        if (!e.is_object()) {
            throw InputError(file, "\"expect\" must be an object");
        }
        auto ref = [&](const std::string& name) {
            fs::path p = fs::path(name).is_absolute() ? fs::path(name) : dir / name;
            std::error_code ec;
            if (!fs::is_regular_file(p, ec)) {
                throw InputError(file, "\"expect\" names a missing reference file: " + name);
            }
            return p;
        };
        if (e.contains("stdout")) {
            d.expect.stdout_ref = ref(e.at("stdout").get<std::string>());
        }
        if (e.contains("stderr")) {
            d.expect.stderr_ref = ref(e.at("stderr").get<std::string>());
        }
        if (e.contains("files")) {
            for (const auto& [out, r] : e.at("files").items()) {
                d.expect.files[out] = ref(r.get<std::string>());
            }
        }
        d.expect.tolerance = e.value("tolerance", 0.0);
        if (d.expect.tolerance < 0) {
            throw InputError(file, "\"expect\".tolerance must not be negative");
        }
    } catch (const nlohmann::json::exception& ex) {
        throw InputError(file, std::string("wrong value type: ") + ex.what());
    }
}

DesignSpec from_json(const fs::path& dir, const fs::path& file) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(read_file(file, 1 << 20));
    } catch (const nlohmann::json::parse_error& ex) {
        throw InputError(file, std::string("malformed JSON: ") + ex.what());
    }
    if (!j.is_object()) {
        throw InputError(file, "expected a JSON object");
    }
    DesignSpec d;
    d.dir = dir;
    d.origin = "hlsv.json";
    try {
        d.name = j.value("name", dir.filename().string());
        d.top = j.value("top", std::string());
        d.timeout_s = j.value("timeout_s", 10.0);
        d.cases = j.value("cases", 0);
    } catch (const nlohmann::json::exception& ex) {
        throw InputError(file, std::string("wrong value type: ") + ex.what());
    }
    if (d.top.empty()) {
        throw InputError(file, "missing \"top\" (the top function name)");
    }
    auto sources = json_strings(j, "sources", file);
    if (sources.empty()) {
        throw InputError(file, "missing \"sources\"");
    }
    d.sources = resolve_all(dir, sources, file, "source");
    d.testbench = resolve_all(dir, json_strings(j, "testbench", file), file, "testbench");
    d.cflags = json_strings(j, "cflags", file);
    d.args = json_strings(j, "args", file);
    d.data = json_strings(j, "data", file);
    d.ignore = json_strings(j, "ignore", file);
    if (j.contains("compare")) {
        d.compare = json_strings(j, "compare", file);
    }
    read_oracle_keys(d, j, dir, file);
    d.language = j.value("language", guess_language(d.sources));
    if (d.language != "c" && d.language != "c++") {
        throw InputError(file, "\"language\" must be \"c\" or \"c++\"");
    }
    if (d.timeout_s <= 0) {
        throw InputError(file, "\"timeout_s\" must be positive");
    }
    for (const auto& re : d.ignore) {
        try {
            std::regex r(re);
        } catch (const std::regex_error&) {
            throw InputError(file, "invalid regex in \"ignore\": " + re);
        }
    }
    return d;
}

// Splits a Tcl/cfg value into words, honouring double quotes and braces.
std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    char quote = 0;
    for (char c : s) {
        if (quote) {
            if ((quote == '"' && c == '"') || (quote == '{' && c == '}')) {
                quote = 0;
            } else {
                cur += c;
            }
        } else if (c == '"' || c == '{') {
            quote = c;
        } else if (c == ' ' || c == '\t') {
            if (!cur.empty()) {
                out.push_back(cur);
                cur.clear();
            }
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) {
        out.push_back(cur);
    }
    return out;
}

void add_cflags(DesignSpec& d, std::string_view flags) {
    for (auto& w : words(flags)) {
        d.cflags.push_back(w);
    }
}

DesignSpec from_cfg(const fs::path& dir, const fs::path& file) {
    DesignSpec d;
    d.dir = dir;
    d.origin = "hls_config.cfg";
    std::vector<std::string> sources, tbs;
    std::istringstream in(read_file(file, 1 << 20));
    std::string line;
    while (std::getline(in, line)) {
        std::string_view l = trim(line);
        if (l.empty() || l[0] == '#' || l[0] == '[') {
            continue;
        }
        auto eq = l.find('=');
        if (eq == std::string_view::npos) {
            continue;
        }
        std::string key(trim(l.substr(0, eq)));
        std::string value(trim(l.substr(eq + 1)));
        if (key == "syn.top") {
            d.top = value;
        } else if (key == "syn.file") {
            sources.push_back(value);
        } else if (key == "tb.file") {
            tbs.push_back(value);
        } else if (key == "syn.cflags" || key == "tb.cflags" || key == "csim.cflags") {
            add_cflags(d, value);
        } else if (key == "csim.argv") {
            for (auto& w : words(value)) {
                d.args.push_back(w);
            }
        }
    }
    if (d.top.empty()) {
        throw InputError(file, "no syn.top in Vitis config");
    }
    if (sources.empty()) {
        throw InputError(file, "no syn.file in Vitis config");
    }
    d.name = dir.filename().string();
    d.sources = resolve_all(dir, sources, file, "source");
    // Testbench entries that are data files (not C/C++) are copied into the run directory.
    for (const auto& t : tbs) {
        fs::path p(t);
        auto ext = p.extension().string();
        if (ext == ".c" || ext == ".cpp" || ext == ".cc" || ext == ".cxx") {
            d.testbench.push_back(resolve_all(dir, {t}, file, "testbench").front());
        } else {
            d.data.push_back(t);
        }
    }
    d.language = guess_language(d.sources);
    return d;
}

DesignSpec from_tcl(const fs::path& dir, const fs::path& file) {
    DesignSpec d;
    d.dir = dir;
    d.origin = "tcl";
    std::vector<std::string> sources;
    std::istringstream in(read_file(file, 1 << 20));
    std::string line;
    while (std::getline(in, line)) {
        auto w = words(trim(line));
        if (w.empty() || w[0][0] == '#') {
            continue;
        }
        if (w[0] == "set_top" && w.size() >= 2) {
            d.top = w[1];
        } else if (w[0] == "add_files") {
            bool tb = false;
            std::vector<std::string> files;
            for (std::size_t i = 1; i < w.size(); ++i) {
                if (w[i] == "-tb") {
                    tb = true;
                } else if (w[i] == "-cflags" || w[i] == "-csimflags") {
                    if (i + 1 < w.size()) {
                        add_cflags(d, w[++i]);
                    }
                } else if (w[i][0] != '-') {
                    for (auto& f : words(w[i])) {
                        files.push_back(f);
                    }
                }
            }
            for (auto& f : files) {
                auto ext = fs::path(f).extension().string();
                bool code = ext == ".c" || ext == ".cpp" || ext == ".cc" || ext == ".cxx";
                if (!code) {
                    if (tb) {
                        d.data.push_back(f);
                    }
                } else if (tb) {
                    d.testbench.push_back(resolve_all(dir, {f}, file, "testbench").front());
                } else {
                    sources.push_back(f);
                }
            }
        } else if (w[0] == "csim_design") {
            for (std::size_t i = 1; i + 1 < w.size(); ++i) {
                if (w[i] == "-argv") {
                    for (auto& a : words(w[i + 1])) {
                        d.args.push_back(a);
                    }
                }
            }
        }
    }
    if (d.top.empty() || sources.empty()) {
        throw InputError(file, "Tcl script has no set_top or no add_files");
    }
    d.name = dir.filename().string();
    d.sources = resolve_all(dir, sources, file, "source");
    d.language = guess_language(d.sources);
    return d;
}

} // namespace

DesignSpec load_design(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw InputError(path, "no such file or directory");
    }
    fs::path abs = fs::weakly_canonical(fs::absolute(path));
    if (fs::is_regular_file(abs, ec)) {
        if (abs.filename() == "hlsv.json") {
            return from_json(abs.parent_path(), abs);
        }
        auto ext = abs.extension().string();
        if (ext != ".c" && ext != ".cpp" && ext != ".cc" && ext != ".cxx" && ext != ".h" &&
            ext != ".hpp") {
            throw InputError(path, "not a design directory or a C/C++ source file");
        }
        DesignSpec d;
        d.dir = abs.parent_path();
        d.name = abs.stem().string();
        d.top = abs.stem().string();
        d.sources = {abs};
        d.language = ext == ".c" ? "c" : "c++";
        d.origin = "file";
        return d;
    }
    if (!fs::is_directory(abs, ec)) {
        throw InputError(path, "not a regular file or directory");
    }
    if (fs::exists(abs / "hlsv.json")) {
        return from_json(abs, abs / "hlsv.json");
    }
    if (fs::exists(abs / "hls_config.cfg")) {
        return from_cfg(abs, abs / "hls_config.cfg");
    }
    for (const auto& e : fs::directory_iterator(abs, ec)) {
        if (e.path().extension() == ".tcl") {
            std::string text = read_file(e.path(), 1 << 20);
            if (text.find("set_top") != std::string::npos) {
                return from_tcl(abs, e.path());
            }
        }
    }
    throw InputError(path, "no hlsv.json, hls_config.cfg or Vitis Tcl script in this directory");
}

} // namespace hlsv
