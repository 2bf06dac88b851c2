// SMA sites: a scalar port (passed by value or reference, or a pointer only ever dereferenced
// as one value) whose interface pragma is switched to the bram memory mode.
#include "SmaRule.h"

#include "ports.h"

#include <fmt/format.h>

namespace hlsv::inject {

namespace {

// True when pointer parameter `name` is used only as `*name` in the body: one value, no
// indexing and no pointer arithmetic.
bool deref_only(const Scan& s, const ScanFunction& f, const std::string& name) {
    auto [b, e] = token_range(s, f.body_begin, f.body_end);
    int uses = 0;
    for (std::size_t i = b; i < e; ++i) {
        if (s.toks[i].text != name) {
            continue;
        }
        std::string_view line = trim(s.src->line(s.src->line_of(s.toks[i].begin)));
        if (!line.empty() && line.front() == '#') {
            continue; // the port's own pragmas
        }
        if (i == b || s.toks[i - 1].text != "*" ||
            (i + 1 < e && (s.toks[i + 1].text == "[" || s.toks[i + 1].text == "++" ||
                           s.toks[i + 1].text == "--"))) {
            return false;
        }
        ++uses;
    }
    return uses > 0;
}

// True when `param` of `function` is a plain value: no array, pointer, reference or stream.
bool by_value_scalar(const parse::DesignFacts& facts, const std::string& function,
                     const std::string& param) {
    const parse::Function* fn = facts.function(function);
    if (!fn) {
        return false;
    }
    for (const auto& p : fn->params) {
        if (p.name == param) {
            return !p.is_array && !p.is_pointer && !p.is_reference &&
                   p.type.find("stream") == std::string::npos &&
                   p.type.find_first_of("*&[(") == std::string::npos; // "(": a macro
        }
    }
    return false;
}

} // namespace

std::vector<Site> SmaRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& f : s.functions) {
        for (const auto& p : ports_of(s, f)) {
            if (!p.pragma && f.is_top && !p.is_array && by_value_scalar(facts, f.name, p.name)) {
                Site site;
                if (insert_in_body(s, f, type(), id(),
                                   fmt::format("#pragma HLS INTERFACE mode=bram port={}", p.name),
                                   fmt::format("scalar port '{}', passed by value, was given a "
                                               "bram (memory) interface",
                                               p.name),
                                   site)) {
                    out.push_back(std::move(site));
                }
                continue;
            }
            if (!p.pragma || p.mode == "bram" || p.mode == "ap_memory") {
                continue;
            }
            bool pointer_to_one = p.is_array && p.accesses == 0 && deref_only(s, f, p.name);
            if (p.is_array && !pointer_to_one) {
                continue;
            }
            out.push_back(line_site(
                s, type(), id(), p.pragma->line, with_interface_mode(*p.pragma, "bram"),
                pointer_to_one
                    ? fmt::format("port '{}', a pointer to one value, was given a bram (memory) "
                                  "interface",
                                  p.name)
                    : fmt::format("scalar port '{}' was given a bram (memory) interface", p.name)));
        }
    }
    return out;
}

} // namespace hlsv::inject
