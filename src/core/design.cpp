// Design specs: hlsv.json, or a Vitis HLS project (hls_config.cfg / Tcl script) read as if it
// had one, or a lone source file (no testbench).
#include "core.h"
#include "schema.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
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

// Every key hlsv.json may hold (README "Designs"); anything else is a typo or a setting of
// another tool, and silently ignoring it would run a design with a setting the user did not get.
constexpr schema::Key k_design_keys[] = {
    {"name", schema::Kind::string},     {"top", schema::Kind::string},
    {"sources", schema::Kind::strings}, {"testbench", schema::Kind::strings},
    {"cflags", schema::Kind::strings},  {"args", schema::Kind::strings},
    {"data", schema::Kind::strings},    {"dut", schema::Kind::strings},
    {"ignore", schema::Kind::strings},  {"compare", schema::Kind::strings},
    {"expect", schema::Kind::object},   {"main_in_sources", schema::Kind::boolean},
    {"language", schema::Kind::string}, {"timeout_s", schema::Kind::number},
    {"cases", schema::Kind::integer},
};
constexpr schema::Key k_expect_keys[] = {
    {"stdout", schema::Kind::string},
    {"stderr", schema::Kind::string},
    {"files", schema::Kind::object},
    {"tolerance", schema::Kind::number},
};

DesignSpec from_json(const fs::path& dir, const fs::path& file) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(read_file(file));
    } catch (const nlohmann::json::exception& ex) {
        throw InputError(file, std::string("malformed JSON: ") + ex.what());
    }
    if (!j.is_object()) {
        throw InputError(file, "expected a JSON object");
    }
    schema::check(file, "hlsv.json", schema::keys_of(j), k_design_keys);
    if (auto e = j.find("expect"); e != j.end()) {
        schema::check(file, "\"expect\"", schema::keys_of(*e), k_expect_keys);
        if (auto f = e->find("files"); f != e->end()) {
            for (const auto& [out, ref] : f->items()) {
                if (!ref.is_string()) {
                    throw InputError(file, "\"expect\".files.\"" + out +
                                               "\" must be a string (the reference file)");
                }
            }
        }
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
    d.dut = json_strings(j, "dut", file);
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

bool is_code_file(const std::string& f) {
    auto ext = fs::path(f).extension().string();
    return ext == ".c" || ext == ".cpp" || ext == ".cc" || ext == ".cxx";
}

void add_unique(std::vector<std::string>& v, const std::string& x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) {
        v.push_back(x);
    }
}

DesignSpec from_cfg(const fs::path& dir, const fs::path& file) {
    DesignSpec d;
    d.dir = dir;
    d.origin = "hls_config.cfg";
    std::vector<std::string> sources, tbs;
    std::istringstream in(read_file(file));
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
            if (is_code_file(value)) { // headers are listed for synthesis, not compiled
                add_unique(sources, value);
            }
        } else if (key == "tb.file") {
            add_unique(tbs, value);
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

// One `open_project` block of a Tcl script (a Vitis component).
struct TclProject {
    std::string name;
    std::string top;
    std::vector<std::string> sources, testbench, data, cflags, args;
};

// Reads Vitis HLS Tcl as Vitis does for what C simulation needs: `set` variables expanded as
// $name / ${name} (not inside braces), `source` of other scripts, one component per
// `open_project` name, and files added once however many `open_solution` blocks repeat them.
class TclReader {
  public:
    explicit TclReader(fs::path dir) : dir_(std::move(dir)) {}

    void read(const fs::path& file, int depth = 0) {
        if (depth > 16) {
            throw InputError(file, "Tcl `source` nesting deeper than 16 levels");
        }
        std::istringstream in(read_file(file));
        std::string line, joined;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\\') { // continuation line
                joined += line.substr(0, line.size() - 1) + ' ';
                continue;
            }
            joined += line;
            for (auto& cmd : split_commands(joined)) {
                command(file, expand(cmd), depth);
            }
            joined.clear();
        }
    }

    std::vector<TclProject>& projects() { return projects_; }

  private:
    static std::vector<std::string> split_commands(const std::string& line) {
        std::vector<std::string> out;
        std::string cur;
        int brace = 0;
        bool quote = false;
        for (char c : line) {
            if (c == '"' && brace == 0) {
                quote = !quote;
            } else if (c == '{' && !quote) {
                ++brace;
            } else if (c == '}' && !quote && brace > 0) {
                --brace;
            } else if (c == ';' && brace == 0 && !quote) {
                out.push_back(cur);
                cur.clear();
                continue;
            }
            cur += c;
        }
        out.push_back(cur);
        return out;
    }

    std::string expand(const std::string& s) const {
        std::string out;
        int brace = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            char c = s[i];
            if (c == '{') {
                ++brace;
            } else if (c == '}' && brace > 0) {
                --brace;
            }
            if (c != '$' || brace > 0 || i + 1 >= s.size()) {
                out += c;
                continue;
            }
            std::string name;
            std::size_t j = i + 1;
            if (s[j] == '{') {
                std::size_t close = s.find('}', j);
                if (close == std::string::npos) {
                    out += c;
                    continue;
                }
                name = s.substr(j + 1, close - j - 1);
                j = close + 1;
            } else {
                while (j < s.size() &&
                       (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) {
                    name += s[j++];
                }
            }
            auto it = vars_.find(name);
            if (name.empty() || it == vars_.end()) {
                out += c; // unknown variable ($::env(...), ...): left as written
                continue;
            }
            out += it->second;
            i = j - 1;
        }
        return out;
    }

    TclProject& current() {
        if (projects_.empty()) {
            projects_.push_back(TclProject{});
        }
        return projects_[cur_];
    }

    void command(const fs::path& file, const std::string& text, int depth) {
        auto w = words(trim(text));
        if (w.empty() || w[0][0] == '#') {
            return;
        }
        const std::string& op = w[0];
        if (op == "set" && w.size() >= 3) {
            vars_[w[1]] = w[2];
        } else if (op == "source" && w.size() >= 2) {
            fs::path p = fs::path(w.back()).is_absolute() ? fs::path(w.back()) : dir_ / w.back();
            std::error_code ec;
            if (!fs::is_regular_file(p, ec)) {
                throw InputError(file, "Tcl `source` file not found: " + w.back());
            }
            read(p, depth + 1);
        } else if (op == "open_project" || op == "open_component") {
            std::string name;
            for (std::size_t i = 1; i < w.size(); ++i) {
                if (w[i][0] != '-') {
                    name = w[i];
                }
            }
            for (std::size_t i = 0; i < projects_.size(); ++i) {
                if (projects_[i].name == name || (projects_[i].name.empty() && i == 0)) {
                    projects_[i].name = name;
                    cur_ = i;
                    return;
                }
            }
            projects_.push_back(TclProject{name, {}, {}, {}, {}, {}, {}});
            cur_ = projects_.size() - 1;
        } else if (op == "set_top" && w.size() >= 2) {
            current().top = w[1];
        } else if (op == "add_files") {
            TclProject& p = current();
            bool tb = false;
            std::vector<std::string> files;
            for (std::size_t i = 1; i < w.size(); ++i) {
                if (w[i] == "-tb") {
                    tb = true;
                } else if (w[i] == "-cflags" || w[i] == "-csimflags") {
                    if (i + 1 < w.size()) {
                        for (auto& f : words(w[++i])) {
                            add_unique(p.cflags, f);
                        }
                    }
                } else if (w[i][0] != '-') {
                    for (auto& f : words(w[i])) {
                        files.push_back(f);
                    }
                }
            }
            for (auto& f : files) {
                if (!is_code_file(f)) {
                    if (tb) {
                        add_unique(p.data, f);
                    }
                } else {
                    add_unique(tb ? p.testbench : p.sources, f);
                }
            }
        } else if (op == "csim_design") {
            TclProject& p = current();
            for (std::size_t i = 1; i + 1 < w.size(); ++i) {
                if (w[i] == "-argv" && p.args.empty()) {
                    for (auto& a : words(w[i + 1])) {
                        p.args.push_back(a);
                    }
                }
            }
        }
    }

    fs::path dir_;
    std::map<std::string, std::string> vars_;
    std::vector<TclProject> projects_;
    std::size_t cur_ = 0;
};

std::string component_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        out += (out.empty() ? "" : ", ") + n;
    }
    return out;
}

DesignSpec from_tcl(const fs::path& dir, const fs::path& file, const std::string& component) {
    TclReader reader(dir);
    reader.read(file);
    std::vector<TclProject> projects;
    for (auto& p : reader.projects()) {
        if (!p.top.empty() || !p.sources.empty()) {
            projects.push_back(p);
        }
    }
    if (projects.empty()) {
        throw InputError(file, "Tcl script has no set_top or no add_files");
    }
    const TclProject* chosen = &projects.front();
    if (!component.empty()) {
        chosen = nullptr;
        std::vector<std::string> names;
        for (const auto& p : projects) {
            names.push_back(p.name);
            if (p.name == component) {
                chosen = &p;
            }
        }
        if (!chosen) {
            throw InputError(file,
                             "no component '" + component +
                                 "' in this Tcl script; components: " + component_list(names));
        }
    }
    const TclProject& p = *chosen;
    if (p.top.empty() || p.sources.empty()) {
        throw InputError(file, "Tcl script has no set_top or no add_files");
    }
    DesignSpec d;
    d.dir = dir;
    d.origin = "tcl";
    d.top = p.top;
    d.cflags = p.cflags;
    d.args = p.args;
    d.data = p.data;
    d.name = projects.size() > 1 && !p.name.empty() ? p.name : dir.filename().string();
    d.sources = resolve_all(dir, p.sources, file, "source");
    d.testbench = resolve_all(dir, p.testbench, file, "testbench");
    d.language = guess_language(d.sources);
    return d;
}

// Vitis unified workspaces keep one component per sub-folder, each with its hls_config.cfg.
std::vector<fs::path> cfg_components(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (e.is_directory(ec) && fs::exists(e.path() / "hls_config.cfg", ec)) {
            out.push_back(e.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

DesignSpec load_design(const fs::path& path) {
    return load_design(path, std::string());
}

DesignSpec load_design(const fs::path& path, const std::string& component) {
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
    std::vector<fs::path> scripts;
    for (const auto& e : fs::directory_iterator(abs, ec)) {
        if (e.path().extension() == ".tcl") {
            scripts.push_back(e.path());
        }
    }
    std::sort(scripts.begin(), scripts.end());
    for (const auto& script : scripts) {
        std::string text = read_file(script, 1 << 20);
        if (text.find("set_top") != std::string::npos) {
            return from_tcl(abs, script, component);
        }
    }
    auto comps = cfg_components(abs);
    if (!comps.empty()) {
        if (component.empty()) {
            return from_cfg(comps.front(), comps.front() / "hls_config.cfg");
        }
        std::vector<std::string> names;
        for (const auto& c : comps) {
            names.push_back(c.filename().string());
            if (names.back() == component) {
                return from_cfg(c, c / "hls_config.cfg");
            }
        }
        throw InputError(path, "no component '" + component +
                                   "' in this workspace; components: " + component_list(names));
    }
    throw InputError(path, "no hlsv.json, hls_config.cfg or Vitis Tcl script in this directory");
}

} // namespace hlsv
