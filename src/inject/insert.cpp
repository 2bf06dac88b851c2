// Sites that add a pragma where none was: an engineer can put a partition, a factor or an
// interface on any array, loop or port, so the pragma types need not wait for an existing pragma
// to mutate (Chrysalis injects them this way too). Each helper only builds the edit; the rules
// decide when the added pragma is non-ideal.
#include "scan.h"

#include <algorithm>

namespace hlsv::inject {

namespace {

bool ends_with(std::string_view line, char c) {
    line = trim(line);
    return !line.empty() && line.back() == c;
}

} // namespace

bool insert_in_body(const Scan& s, const ScanFunction& f, std::string_view type,
                    std::string_view rule, const std::string& pragma, std::string explanation,
                    Site& out) {
    if (f.body_end <= f.body_begin) {
        return false;
    }
    int brace = s.src->line_of(f.body_begin);
    std::string_view text = s.src->line(brace);
    // Only a line that ends with the body's '{' (not `{ return x; }` on one line).
    if (!ends_with(text, '{') || s.src->line_of(f.body_end - 1) == brace) {
        return false;
    }
    out = line_site(s, type, rule, brace, std::string(trim(text)), std::move(explanation));
    // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "lit" + std::string&&.
    out.faulty += '\n';
    out.faulty += indent_of(*s.src, brace);
    out.faulty += "    ";
    out.faulty += pragma;
    out.function = f.name;
    return true;
}

bool insert_after_declaration(const Scan& s, int line, std::string_view type, std::string_view rule,
                              const std::string& pragma, std::string explanation, Site& out) {
    std::string_view text = s.src->line(line);
    // A declaration that ends on its own line, inside a function body.
    if (!ends_with(text, ';') || !is_code_line(s, line) || trim(text).rfind("for", 0) == 0) {
        return false;
    }
    out = line_site(s, type, rule, line, std::string(trim(text)), std::move(explanation));
    out.faulty += '\n';
    out.faulty += indent_of(*s.src, line);
    out.faulty += pragma;
    return true;
}

bool insert_partition(const Scan& s, const ScanArray& a, std::string_view type,
                      std::string_view rule, const std::string& pragma, std::string explanation,
                      Site& out) {
    if (std::any_of(s.pragmas.begin(), s.pragmas.end(), [&](const ScanPragma& p) {
            auto v = p.options.find("variable");
            return v != p.options.end() && v->second == a.name && p.function == a.function;
        })) {
        return false; // the mutating sites cover an array that already has a partition
    }
    if (a.is_param) {
        for (const auto& f : s.functions) {
            if (f.name == a.function) {
                return insert_in_body(s, f, type, rule, pragma, std::move(explanation), out);
            }
        }
        return false;
    }
    // Only right after the array's own one-line declaration (a use is no place for it).
    Decl d = parse_decl(trim(s.src->line(a.line)));
    std::string_view line = trim(s.src->line(a.line));
    auto at = line.find(a.name + "[");
    bool declares = (d.ok && d.name == a.name && d.is_array) ||
                    (at != std::string_view::npos && at > 0 && !trim(line.substr(0, at)).empty() &&
                     line.find('=') == std::string_view::npos && line.back() == ';' &&
                     line.find('(') == std::string_view::npos);
    if (!declares) {
        return false;
    }
    return insert_after_declaration(s, a.line, type, rule, pragma, std::move(explanation), out);
}

std::vector<ScanArray> partition_candidates(const Scan& s, const parse::DesignFacts& facts) {
    std::vector<ScanArray> out = s.arrays;
    // Array parameters the token scan cannot see (declared through macros, as PolyBench's
    // POLYBENCH_2D does) but the parse facts know.
    for (const auto& f : s.functions) {
        const parse::Function* fn = facts.function(f.name);
        if (!fn) {
            continue;
        }
        for (const auto& p : fn->params) {
            if (!p.is_array || p.dims.empty() ||
                std::any_of(out.begin(), out.end(), [&](const ScanArray& a) {
                    return a.name == p.name && a.function == f.name;
                })) {
                continue;
            }
            ScanArray a;
            a.name = p.name;
            a.is_param = true;
            a.function = f.name;
            a.line = f.line_start;
            for (long long d : p.dims) {
                a.dims.push_back(d > 0 ? std::to_string(d) : std::string());
            }
            out.push_back(std::move(a));
        }
    }
    return out;
}

} // namespace hlsv::inject
