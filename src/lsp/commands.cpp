#include "commands.h"

#include "assist/assist.h"
#include "csim/csim.h"

#include <regex>

namespace hlsv::lsp {

using json = nlohmann::json;

namespace {

json range_at(int line0) {
    json p = {{"line", std::max(line0, 0)}, {"character", 0}};
    return {{"start", p}, {"end", p}};
}

/// The file and 0-based line where the top function is defined (the first source that
/// mentions `top(` at the start of a declaration), else the first source at line 0.
std::pair<fs::path, int> top_location(const DesignSpec& spec) {
    std::regex def("(^|[\\s*&])" + spec.top + "\\s*\\(");
    for (const auto& src : spec.sources) {
        std::string text;
        try {
            text = read_file(src);
        } catch (const Error&) {
            continue;
        }
        SourceText st(text);
        for (int l = 1; l <= static_cast<int>(st.line_count()); ++l) {
            std::string line(st.line(l));
            if (line.find(';') == std::string::npos && std::regex_search(line, def)) {
                return {src, l - 1};
            }
        }
    }
    return {spec.sources.empty() ? spec.dir : spec.sources.front(), 0};
}

json testbench_info(const DesignSpec& spec, const std::string& message) {
    json related = json::array();
    for (const auto& tb : spec.testbench) {
        related.push_back({{"location", {{"uri", path_to_uri(tb)}, {"range", range_at(0)}}},
                           {"message", message}});
    }
    return related;
}

std::string first_lines(const std::string& text, int n) {
    std::string out;
    std::size_t at = 0;
    for (int i = 0; i < n && at < text.size(); ++i) {
        std::size_t end = text.find('\n', at);
        out += (i ? " | " : "") + text.substr(at, end == std::string::npos ? end : end - at);
        at = end == std::string::npos ? text.size() : end + 1;
    }
    return out;
}

DesignSpec load_simulatable(const fs::path& dir) {
    DesignSpec spec = load_design(dir);
    if (!spec.has_testbench()) {
        throw InputError(dir, "the design has no testbench, so it cannot be simulated");
    }
    return spec;
}

} // namespace

CommandResult simulate_design(const fs::path& design_dir, const Project& /*project*/,
                              const Progress& progress) {
    progress("loading the design");
    DesignSpec spec = load_simulatable(design_dir);
    progress("building and running the testbench of " + spec.name);
    csim::Simulator sim;
    csim::Result r = sim.run_golden(spec);
    bool ok = csim::is_success(r.verdict);
    std::string verdict(csim::verdict_name(r.verdict));
    auto [file, line] = top_location(spec);
    std::string msg = "C simulation of " + spec.name + ": " + verdict;
    if (!r.detail.empty()) {
        msg += " (" + r.detail + ")";
    }
    std::string tb_msg = "testbench exit code " + std::to_string(r.exit_code);
    if (!r.stdout_text.empty()) {
        tb_msg += "; stdout: " + first_lines(r.stdout_text, 3);
    }
    CommandResult out;
    out.diagnostics[path_to_uri(file)] =
        json::array({{{"range", range_at(line)},
                      {"severity", ok ? 3 : 1},
                      {"code", "hlsv-csim"},
                      {"source", "hlsv"},
                      {"message", msg},
                      {"relatedInformation", testbench_info(spec, tb_msg)}}});
    out.summary = csim::to_json(r);
    out.summary["design"] = spec.dir.string();
    return out;
}

CommandResult debug_design(const fs::path& design_dir, const Project& project,
                           const Progress& progress) {
    progress("loading the design");
    DesignSpec spec = load_design(design_dir);
    assist::DebugOptions opts;
    opts.config = project.config;
    if (project.config.backend) {
        opts.backend = *project.config.backend;
    }
    opts.base_url = project.config.base_url.value_or("");
    opts.model = project.config.model.value_or("");
    progress("localizing and trying fixes (" + opts.backend + " backend)");
    assist::DebugReport rep = assist::debug(spec, opts);
    std::string before = "C simulation before: " + rep.verdict_before +
                         (rep.detail_before.empty() ? "" : " (" + rep.detail_before + ")");
    CommandResult out;
    int rank = 0;
    for (const auto& s : rep.suspects) {
        ++rank;
        fs::path file = spec.dir / s.file;
        std::string uri = path_to_uri(file);
        std::string msg = "hlsv debug: suspect #" + std::to_string(rank);
        if (!s.type.empty()) {
            msg += " (" + s.type + ")";
        }
        for (std::size_t i = 0; i < s.evidence.size(); ++i) {
            msg += (i ? "; " : ": ") + s.evidence[i];
        }
        if (s.fix && s.fix->validated) {
            msg += "; proven fix: " + std::string(trim(s.fix->fixed_line));
            if (s.fix->fixed_line.find('\n') == std::string::npos) {
                out.fixes[uri].push_back(
                    {s.line, s.fix->fixed_line,
                     "Apply the fix hlsv debug proved (" + s.fix->operator_id + ")"});
            }
        }
        json related = testbench_info(spec, before);
        out.diagnostics[uri].push_back({{"range", range_at(s.line - 1)},
                                        {"severity", rank == 1 ? 1 : 2},
                                        {"code", "hlsv-debug"},
                                        {"source", "hlsv"},
                                        {"message", msg},
                                        {"relatedInformation", related}});
    }
    if (rep.suspects.empty()) {
        auto [file, line] = top_location(spec);
        std::string msg = "hlsv debug: no suspect found; " + before;
        for (const auto& n : rep.notes) {
            msg += "; " + n;
        }
        out.diagnostics[path_to_uri(file)].push_back({{"range", range_at(line)},
                                                      {"severity", 3},
                                                      {"code", "hlsv-debug"},
                                                      {"source", "hlsv"},
                                                      {"message", msg}});
    }
    out.summary = rep.to_json();
    return out;
}

} // namespace hlsv::lsp
