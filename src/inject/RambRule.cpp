// RAMB sites: an array port read at random addresses (an index loaded from data, or computed
// inside the pipelined loop that reads it) is put on an m_axi burst interface, by changing its
// interface pragma or, when it has none, by adding one after the function's interface pragmas.
#include "RambRule.h"

#include "ports.h"

#include <fmt/format.h>
#include <regex>

namespace hlsv::inject {

namespace {

bool pipelined_chain(const Scan& s, int l, const std::string& fn) {
    for (; l >= 0; l = s.loops[static_cast<std::size_t>(l)].parent) {
        if (loop_has_pragma(s, l, "pipeline")) {
            return true;
        }
    }
    return std::any_of(s.pragmas.begin(), s.pragmas.end(), [&](const ScanPragma& p) {
        return p.function == fn && p.loop < 0 && p.directive == "pipeline" &&
               !p.options.count("off");
    });
}

// The outermost pipelined loop around `l` (-1 when the function itself is pipelined).
int pipelined_region(const Scan& s, int l) {
    int region = -1;
    for (; l >= 0; l = s.loops[static_cast<std::size_t>(l)].parent) {
        if (loop_has_pragma(s, l, "pipeline")) {
            region = l;
        }
    }
    return region;
}

bool is_loop_var(const Scan& s, int l, std::string_view v) {
    for (; l >= 0; l = s.loops[static_cast<std::size_t>(l)].parent) {
        if (s.loops[static_cast<std::size_t>(l)].var == v) {
            return true;
        }
    }
    return false;
}

// True when `var` is assigned (or declared with a value) in tokens [b, e).
bool written(const Scan& s, std::size_t b, std::size_t e, std::string_view var) {
    for (std::size_t i = b; i < e; ++i) {
        if (s.toks[i].text != var) {
            continue;
        }
        std::string_view next = i + 1 < e ? s.toks[i + 1].text : "";
        std::string_view prev = i > b ? s.toks[i - 1].text : "";
        if (next == "=" || next == "+=" || next == "-=" || next == "++" || next == "--" ||
            prev == "++" || prev == "--") {
            return true;
        }
    }
    return false;
}

// Why subscript `[open ... close]` of an access at `line` is a random address ("" when it is
// not). `b, e` bound the function body.
std::string random_index(const Scan& s, const ScanFunction& f, std::size_t b, std::size_t e,
                         std::size_t open, std::size_t close, int line) {
    std::string idx;
    bool indirect = false;
    std::vector<std::string_view> idents;
    for (std::size_t j = open + 1; j < close; ++j) {
        idx += std::string(s.toks[j].text);
        indirect = indirect || s.toks[j].text == "[" ||
                   (s.toks[j].kind == TokKind::ident && j + 1 < close && s.toks[j + 1].text == "(");
        if (s.toks[j].kind == TokKind::ident) {
            idents.push_back(s.toks[j].text);
        }
    }
    if (indirect) {
        return fmt::format("the index '{}' at line {} is loaded from data", idx, line);
    }
    int l = s.loop_at(line);
    if (!pipelined_chain(s, l, f.name)) {
        return "";
    }
    int region = pipelined_region(s, l);
    std::size_t rb = b, re = e;
    if (region >= 0) {
        std::tie(rb, re) = token_range(s, s.loops[static_cast<std::size_t>(region)].body_begin,
                                       s.loops[static_cast<std::size_t>(region)].body_end);
    }
    for (auto v : idents) {
        if (!is_loop_var(s, l, v) && written(s, rb, re, v)) {
            return fmt::format("the index '{}' at line {} uses '{}', computed inside the "
                               "pipelined loop",
                               idx, line, v);
        }
    }
    return "";
}

// Why the port is read at random addresses ("" when it is not): what the static checker
// flags on an m_axi port. Every subscript of a multi-dimensional access counts.
std::string random_access(const Scan& s, const ScanFunction& f, const std::string& name) {
    auto [b, e] = token_range(s, f.body_begin, f.body_end);
    for (std::size_t i = b; i + 1 < e; ++i) {
        if (s.toks[i].text != name || s.toks[i + 1].text != "[" ||
            (i > b && (s.toks[i - 1].text == "." || s.toks[i - 1].text == "->"))) {
            continue;
        }
        int line = s.src->line_of(s.toks[i].begin);
        for (std::size_t open = i + 1; open < e && s.toks[open].text == "[";) {
            std::size_t c = open;
            for (int depth = 0; c < e; ++c) {
                depth += s.toks[c].text == "[" ? 1 : s.toks[c].text == "]" ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            std::string why = random_index(s, f, b, e, open, c, line);
            if (!why.empty()) {
                return why;
            }
            open = c + 1;
        }
    }
    return "";
}

} // namespace

std::vector<Site> RambRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& f : s.functions) {
        // Where a new interface pragma goes: after the function's last interface pragma.
        const ScanPragma* last_if = nullptr;
        for (const auto& pr : s.pragmas) {
            if (pr.function == f.name && pr.directive == "interface" && pr.loop < 0) {
                last_if = &pr;
            }
        }
        for (const auto& p : ports_of(s, f)) {
            if (!p.is_array || p.mode == "m_axi") {
                continue;
            }
            std::string why = random_access(s, f, p.name);
            if (why.empty()) {
                continue;
            }
            std::string explanation =
                fmt::format("port '{}' is on an m_axi burst interface although {}", p.name, why);
            if (p.pragma) {
                std::string line = with_interface_mode(*p.pragma, "m_axi");
                // storage_type describes a RAM port; m_axi has none.
                line = std::regex_replace(
                    line, std::regex(R"(\s+storage_type\s*=\s*\w+)", std::regex::icase), "");
                if (!p.pragma->options.count("offset")) {
                    line += " offset=slave";
                }
                out.push_back(line_site(s, type(), id(), p.pragma->line, line, explanation));
            } else if (last_if) {
                Site site = line_site(s, type(), id(), last_if->line, last_if->text, explanation);
                site.faulty += '\n';
                site.faulty += indent_of(source, last_if->line) +
                               fmt::format("#pragma HLS interface mode=m_axi port={} "
                                           "offset=slave",
                                           p.name);
                out.push_back(std::move(site));
            } else if (Site site; f.is_top && insert_in_body(s, f, type(), id(),
                                                             fmt::format("#pragma HLS interface "
                                                                         "mode=m_axi port={} "
                                                                         "offset=slave",
                                                                         p.name),
                                                             explanation, site)) {
                out.push_back(std::move(site)); // a top without interface pragmas
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const Site& a, const Site& b) { return a.line < b.line; });
    return out;
}

} // namespace hlsv::inject
