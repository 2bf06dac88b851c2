// Entry points: reading the file, the two passes, and the steps that need both (the top
// function, pragma targets).
#include "internal.h"
#include "preproc.h"

#include <algorithm>
#include <unordered_set>

namespace hlsv::parse {

namespace {

/// HLS sources are kilobytes; a file this large is generated. Refusing it up front keeps the
/// answer within a few seconds and the syntax tree (about 80 bytes per source byte) in memory.
/// Above this size libclang is skipped: a generated or vendored file this large would take
/// seconds, and the syntactic facts are what such files are parsed for.
constexpr std::size_t max_libclang_bytes = 2u << 20;

/// Replaces each byte of an invalid UTF-8 sequence with '?', keeping every offset and line,
/// and returns the 1-based line of the first one (0 when the text was valid).
int sanitize_utf8(std::string& s) {
    int first_line = 0;
    int line = 1;
    auto* u = reinterpret_cast<unsigned char*>(s.data());
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned c = u[i];
        if (c == '\n') {
            ++line;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = (c & 0xE0) == 0xC0   ? 1
                        : (c & 0xF0) == 0xE0 ? 2
                        : (c & 0xF8) == 0xF0 ? 3
                                             : 9;
        bool ok =
            n <= 3 && i + n < s.size() && is_valid_utf8(std::string_view(s.data() + i, n + 1));
        if (ok) {
            i += n + 1;
            continue;
        }
        u[i] = '?';
        if (first_line == 0) {
            first_line = line;
        }
        ++i;
    }
    return first_line;
}

bool is_c_file(const std::string& name, const Options& opts) {
    if (!opts.language.empty()) {
        return opts.language == "c";
    }
    auto ext = fs::path(name).extension().string();
    return ext == ".c";
}

} // namespace

const Function* DesignFacts::function(std::string_view name) const {
    for (const auto& f : functions) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

const Loop* DesignFacts::loop_at_line(int line) const {
    const Loop* best = nullptr;
    for (const auto& l : loops) {
        if (l.line_start <= line && line <= l.line_end && (!best || l.depth > best->depth)) {
            best = &l;
        }
    }
    return best;
}

namespace detail {

void finish_facts(TsResult& r, const Options& opts) {
    DesignFacts& f = r.facts;
    // r.calls has one entry per definition, in the same order as f.functions.
    for (std::size_t i = 0; i < r.calls.size() && i < f.functions.size(); ++i) {
        auto& out = f.functions[i].calls;
        for (const auto& c : r.calls[i].second) {
            if (std::find(out.begin(), out.end(), c) == out.end()) {
                out.push_back(c);
            }
        }
    }
    if (!opts.top.empty()) {
        bool found = false;
        for (auto& fn : f.functions) {
            if (fn.name == opts.top) {
                fn.is_top = found = true;
            }
        }
        if (!found) {
            f.diagnostics.push_back(
                {"warning", 0, "top function '" + opts.top + "' is not defined in this file"});
        }
    } else {
        // The top is the function nobody else calls; main (a testbench) never is.
        std::unordered_set<std::string> called;
        for (const auto& [caller, callees] : r.calls) {
            for (const auto& c : callees) {
                if (c != caller) {
                    called.insert(c);
                }
            }
        }
        std::unordered_set<std::string> with_interface;
        for (const auto& p : f.pragmas) {
            if (p.directive == "interface") {
                with_interface.insert(p.function);
            }
        }
        Function* pick = nullptr;
        bool pick_has_interface = false;
        for (auto& fn : f.functions) {
            if (fn.name.empty() || fn.name == "main" || called.count(fn.name)) {
                continue;
            }
            bool has_if = with_interface.count(fn.name) > 0;
            if (!pick || has_if || !pick_has_interface) {
                pick = &fn; // later definitions win ties, interface pragmas win over none
                pick_has_interface = pick_has_interface || has_if;
            }
        }
        if (pick) {
            pick->is_top = true;
        }
    }
    std::unordered_set<std::string> globals(r.global_names.begin(), r.global_names.end());
    for (auto& p : f.pragmas) {
        if (!p.target) {
            continue;
        }
        std::string t = *p.target;
        // `variable=s.field` / `variable=a[0]` name the aggregate `s` / `a`.
        t = t.substr(0, t.find_first_of(".[-"));
        if (p.directive == "interface" && t == "return") {
            p.target_resolved = true;
            continue;
        }
        auto it = r.scope_names.find(p.function);
        bool local = it != r.scope_names.end() &&
                     std::find(it->second.begin(), it->second.end(), t) != it->second.end();
        p.target_resolved = local || globals.count(t) > 0;
    }
}

} // namespace detail

DesignFacts parse_source(const std::string& name, const std::string& text, const Options& opts) {
    std::string clean = text;
    int bad_line = sanitize_utf8(clean);
    bool is_c = is_c_file(name, opts);
    int skipped_lines = 0;
    if (opts.active_only) {
        Defines defines;
        add_defines(opts.cflags, defines);
        add_defines(opts.defines, defines);
        PreprocResult pp = blank_inactive(clean, defines);
        clean = std::move(pp.text);
        skipped_lines = pp.skipped_lines;
    }
    detail::TsResult r = detail::run_tree_sitter(clean, is_c);
    if (skipped_lines > 0) {
        r.facts.diagnostics.push_back(
            {"note", 0,
             "skipped " + std::to_string(skipped_lines) + " lines in inactive #if branches"});
    }
    r.facts.file = name;
    r.facts.lines = static_cast<std::size_t>(std::count(clean.begin(), clean.end(), '\n')) +
                    (!clean.empty() && clean.back() != '\n' ? 1 : 0);
    if (clean.empty()) {
        r.facts.lines = 0;
        r.facts.diagnostics.push_back({"warning", 0, "file is empty"});
    }
    if (bad_line > 0) {
        r.facts.diagnostics.insert(
            r.facts.diagnostics.begin(),
            {"warning", bad_line, "file is not valid UTF-8: invalid bytes were read as '?'"});
    }
    if (opts.use_libclang) {
        if (clean.size() > max_libclang_bytes) {
            r.facts.diagnostics.push_back({"note", 0,
                                           "libclang skipped for a file over " +
                                               std::to_string(max_libclang_bytes >> 20) +
                                               " MB: facts are syntactic only"});
        } else {
            detail::run_libclang(name, clean, opts, is_c, r);
        }
    }
    detail::finish_facts(r, opts);
    return std::move(r.facts);
}

DesignFacts parse_file(const fs::path& file, const Options& opts) {
    std::string text = read_file(file);
    if (looks_binary(text)) {
        throw InputError(file, "binary file, expected C or C++ source");
    }
    return parse_source(file.string(), text, opts);
}

} // namespace hlsv::parse
