// The driver of the rules: builds the model, runs the selected checks, applies suppressions,
// computes fingerprints, and walks directories. Reporters live in report_*.cpp.
#include "rule.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace hlsv::check {

std::string_view to_string(Severity s) {
    switch (s) {
    case Severity::note:
        return "note";
    case Severity::warning:
        return "warning";
    case Severity::error:
        return "error";
    }
    return "warning";
}

Severity parse_severity(std::string_view s) {
    if (s == "note") {
        return Severity::note;
    }
    if (s == "warning") {
        return Severity::warning;
    }
    if (s == "error") {
        return Severity::error;
    }
    throw InputError("unknown severity '" + std::string(s) + "' (known: note, warning, error)");
}

void Sink::report(int line, int col, std::string message, std::optional<std::string> type) {
    Finding f;
    f.file = model_.name;
    f.line = line;
    f.column = std::max(col, 1);
    f.rule = rule_.id;
    f.type = type ? type : rule_.type;
    f.severity = rule_.severity;
    f.message = std::move(message);
    if (line >= 1 && static_cast<std::size_t>(line) <= model_.src.line_count()) {
        f.source_line = std::string(model_.src.line(line));
    }
    findings_.push_back(std::move(f));
}

void Sink::note(int line, int col, std::string message) {
    report(line, col, std::move(message));
    findings_.back().severity = Severity::note;
}

const std::vector<RuleInfo>& rules() {
    static const std::vector<RuleInfo> list = [] {
        std::vector<RuleInfo> v;
        for (const auto& c : checks()) {
            v.push_back(c->info());
        }
        return v;
    }();
    return list;
}

const RuleInfo* find_rule(std::string_view id) {
    for (const auto& r : rules()) {
        if (r.id == id) {
            return &r;
        }
    }
    return nullptr;
}

std::vector<std::string> parse_rule_list(std::string_view list) {
    std::vector<std::string> out;
    for (const auto& raw : split(list, ',')) {
        std::string item(trim(raw));
        if (item.empty()) {
            continue;
        }
        if (find_rule(item)) {
            out.push_back(item);
            continue;
        }
        std::string upper = item;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return std::toupper(c); });
        bool any = false;
        for (const auto& r : rules()) {
            if (r.type && *r.type == upper) {
                out.push_back(r.id);
                any = true;
            }
        }
        if (!any) {
            throw InputError("unknown rule '" + item +
                             "' in --rules (see docs/checks/ for the list)");
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

namespace {

// `// hlsv-ignore RULE[,RULE]` on the line or the line before; no rule names: every rule.
bool suppressed(const SourceText& src, const Finding& f) {
    for (int line : {f.line, f.line - 1}) {
        if (line < 1 || static_cast<std::size_t>(line) > src.line_count()) {
            continue;
        }
        std::string_view text = src.line(line);
        auto at = text.find("hlsv-ignore");
        if (at == std::string_view::npos) {
            continue;
        }
        auto comment = text.find("//");
        auto block = text.find("/*");
        if (std::min(comment, block) > at) {
            continue;
        }
        std::string rest(text.substr(at + 11));
        if (auto end = rest.find("*/"); end != std::string::npos) {
            rest.resize(end);
        }
        for (char& c : rest) {
            if (c == ',') {
                c = ' ';
            }
        }
        bool named_any = false;
        std::size_t i = 0;
        while (i < rest.size()) {
            while (i < rest.size() && std::isspace(static_cast<unsigned char>(rest[i]))) {
                ++i;
            }
            std::size_t j = i;
            while (j < rest.size() && !std::isspace(static_cast<unsigned char>(rest[j]))) {
                ++j;
            }
            if (j > i) {
                std::string name = rest.substr(i, j - i);
                bool last = !name.empty() && (name.back() == ':' || name.back() == '.');
                while (!name.empty() && (name.back() == ':' || name.back() == '.')) {
                    name.pop_back();
                }
                if (name.rfind("hls", 0) == 0 ||
                    (name.size() <= 4 && std::isupper(static_cast<unsigned char>(name[0])))) {
                    named_any = true;
                    if (name == f.rule || (f.type && name == *f.type)) {
                        return true;
                    }
                } else {
                    break; // free text after the rule names
                }
                if (last) {
                    break; // "RULE: why" ends the list
                }
            }
            i = j;
        }
        if (!named_any) {
            return true;
        }
    }
    return false;
}

std::string normalize_space(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : trim(s)) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space && !out.empty()) {
            out += ' ';
        }
        space = false;
        out += c;
    }
    return out;
}

} // namespace

std::vector<Finding> check_source(const std::string& name, const std::string& text,
                                  const Options& opts, std::vector<FileNote>* notes,
                                  std::size_t* skipped_lines, ParseCache* cache) {
    parse::Defines defines;
    parse::add_defines(opts.defines, defines);
    Model model(name, text, opts.include_dirs, defines, cache);
    if (skipped_lines) {
        *skipped_lines += static_cast<std::size_t>(model.skipped_lines);
    }
    if (notes && model.skipped_lines > 0) {
        notes->push_back({name, model.first_skipped_line,
                          "skipped " + std::to_string(model.skipped_lines) + " lines in " +
                              std::to_string(model.skipped_regions) +
                              " inactive #if branches (not checked; set --define to check them)"});
    }
    if (notes && !model.error_lines.empty()) {
        notes->push_back({name, model.error_lines.front(),
                          // Not "syntax error": valid code trips the parser too (a macro
                          // taking a declaration, `OCL_CHECK(err, cl::Buffer b(...))`).
                          "could not parse " + std::to_string(model.error_lines.size()) +
                              " places (first at line " +
                              std::to_string(model.error_lines.front()) +
                              "; a syntax error, or a macro the checker cannot expand): "
                              "findings near them may be missing"});
    }
    if (notes && !is_valid_utf8(text)) {
        notes->push_back({name, 1, "not valid UTF-8: checked as raw bytes"});
    }
    std::vector<Finding> out;
    for (const auto& c : checks()) {
        const RuleInfo& info = c->info();
        if (!opts.rules.empty() &&
            std::find(opts.rules.begin(), opts.rules.end(), info.id) == opts.rules.end()) {
            continue;
        }
        if (info.severity < opts.min_severity) {
            continue;
        }
        Sink sink(model, info);
        c->run(model, sink);
        for (auto& f : sink.findings()) {
            if (opts.honor_suppressions && suppressed(model.src, f)) {
                continue;
            }
            out.push_back(std::move(f));
        }
    }
    std::sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.line, a.column, a.rule, a.message) <
               std::tie(b.line, b.column, b.rule, b.message);
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Finding& a, const Finding& b) {
                              return a.line == b.line && a.column == b.column && a.rule == b.rule &&
                                     a.message == b.message;
                          }),
              out.end());
    // Fingerprints: the rule, the file and the line's text (not its number), plus an occurrence
    // count for identical lines, so a finding keeps its identity when code above it moves.
    std::map<std::string, int> seen;
    for (auto& f : out) {
        std::string key = f.rule + '\n' + fs::path(f.file).lexically_normal().generic_string() +
                          '\n' + normalize_space(f.source_line);
        int n = seen[key]++;
        f.fingerprint = sha256_hex(key + '\n' + std::to_string(n)).substr(0, 32);
    }
    return out;
}

std::vector<fs::path> collect_files(const std::vector<fs::path>& paths) {
    static const std::vector<std::string> exts = {".c", ".cc", ".cpp", ".cxx", ".h", ".hpp", ".hh"};
    std::vector<fs::path> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(
                     p, fs::directory_options::skip_permission_denied, ec);
                 it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) {
                    break;
                }
                if (it->is_directory(ec) && it->path().filename().string().rfind('.', 0) == 0) {
                    it.disable_recursion_pending(); // .git and friends
                    continue;
                }
                if (it->is_regular_file(ec) &&
                    std::find(exts.begin(), exts.end(), it->path().extension().string()) !=
                        exts.end()) {
                    found.push_back(it->path());
                }
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else if (fs::exists(p, ec)) {
            out.push_back(p);
        } else {
            throw InputError(p, "no such file or directory");
        }
    }
    return out;
}

namespace {

// The -D flags of the hlsv.json of each directory argument, for the files below it.
std::vector<std::pair<fs::path, std::vector<std::string>>>
design_defines(const std::vector<fs::path>& paths) {
    std::vector<std::pair<fs::path, std::vector<std::string>>> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (!fs::is_directory(p, ec) || !fs::exists(p / "hlsv.json", ec)) {
            continue;
        }
        try {
            DesignSpec d = load_design(p);
            out.emplace_back(p.lexically_normal(), d.cflags);
        } catch (const Error&) {
            // A broken hlsv.json only loses its defines; checking the sources still helps.
        }
    }
    return out;
}

bool below(const fs::path& file, const fs::path& dir) {
    auto rel = file.lexically_normal().lexically_relative(dir);
    return !rel.empty() && *rel.begin() != "..";
}

} // namespace

Report check_paths(const std::vector<fs::path>& paths, const Options& opts) {
    Report report;
    auto per_design = opts.design_defines
                          ? design_defines(paths)
                          : std::vector<std::pair<fs::path, std::vector<std::string>>>{};
    for (const auto& file : collect_files(paths)) {
        Options file_opts = opts;
        for (const auto& [dir, flags] : per_design) {
            if (below(file, dir)) {
                // The design's flags first: --define given on the command line wins.
                file_opts.defines.insert(file_opts.defines.begin(), flags.begin(), flags.end());
            }
        }
        std::string name = file.generic_string();
        std::string text;
        try {
            text = read_file(file);
        } catch (const InputError& e) {
            report.notes.push_back({name, 0, std::string("skipped: ") + e.what()});
            continue;
        }
        if (looks_binary(text)) {
            report.notes.push_back({name, 0, "skipped: looks like a binary file"});
            continue;
        }
        report.files.push_back(name);
        report.lines += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) +
                        (!text.empty() && text.back() != '\n');
        auto found = check_source(name, text, file_opts, &report.notes, &report.skipped_lines);
        report.findings.insert(report.findings.end(), std::make_move_iterator(found.begin()),
                               std::make_move_iterator(found.end()));
    }
    return report;
}

bool has_findings(const Report& report, Severity level) {
    return std::any_of(report.findings.begin(), report.findings.end(),
                       [&](const Finding& f) { return f.severity >= level; });
}

} // namespace hlsv::check
