#include "AmsRule.h"

#include "ports.h"

#include <fmt/format.h>

namespace hlsv::inject {

namespace {

// True when parameter `name` of `f` is declared as a pointer (not with []) and the body only
// dereferences it (`*p = v`): never subscripted, never stepped (p++, p + k), never handed on
// to a call. Such a pointer carries one value: it is a scalar port, not an array port.
bool points_to_one(const Scan& s, const ScanFunction& f, const std::string& name) {
    auto [hb, he] = token_range(s, s.src->line_start(f.line_start), f.body_begin);
    std::size_t at = he;
    for (std::size_t i = hb; i < he; ++i) {
        if (s.toks[i].text == name) {
            at = i;
        }
    }
    if (at == he || at == hb || s.toks[at - 1].text != "*" ||
        (at + 1 < he && s.toks[at + 1].text == "[")) {
        return false;
    }
    auto [b, e] = token_range(s, f.body_begin, f.body_end);
    for (std::size_t i = b + 1; i + 1 < e; ++i) {
        if (s.toks[i].text != name || s.toks[i].kind != TokKind::ident ||
            trim(s.src->line(s.src->line_of(s.toks[i].begin))).substr(0, 1) == "#") {
            continue; // pragma options name the port too
        }
        std::string_view prev = s.toks[i - 1].text, next = s.toks[i + 1].text;
        if (prev == "." || prev == "->") {
            continue; // a member of some other object
        }
        bool stepped = next == "[" || next == "++" || next == "--" || next == "+" || next == "-" ||
                       next == "+=" || next == "-=" || prev == "++" || prev == "--" ||
                       prev == "+" || prev == "-";
        bool passed = (prev == "(" || prev == ",") && (next == ")" || next == ",");
        if (stepped || passed || prev != "*") {
            return false;
        }
    }
    return true;
}

} // namespace

std::vector<Site> AmsRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& f : s.functions) {
        for (const auto& p : ports_of(s, f)) {
            if (!p.is_array || p.mode == "ap_none" || points_to_one(s, f, p.name)) {
                continue;
            }
            if (!p.pragma) {
                Site site;
                if (f.is_top &&
                    insert_in_body(
                        s, f, type(), id(),
                        fmt::format("#pragma HLS INTERFACE mode=ap_none port={}", p.name),
                        fmt::format("array port '{}' was given the scalar ap_none "
                                    "interface",
                                    p.name),
                        site)) {
                    out.push_back(std::move(site));
                }
                continue;
            }
            std::string line = with_interface_mode(*p.pragma, "ap_none");
            // Memory-only options make no sense on a wire: keep the edit to the mode.
            out.push_back(line_site(
                s, type(), id(), p.pragma->line, line,
                fmt::format("array port '{}' was given the scalar ap_none interface", p.name)));
        }
    }
    return out;
}

} // namespace hlsv::inject
