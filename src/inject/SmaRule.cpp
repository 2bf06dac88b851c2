#include "SmaRule.h"

#include "ports.h"

#include <fmt/format.h>

namespace hlsv::inject {

std::vector<Site> SmaRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& f : s.functions) {
        for (const auto& p : ports_of(s, f)) {
            if (p.is_array || !p.pragma || p.mode == "bram" || p.mode == "ap_memory") {
                continue;
            }
            out.push_back(line_site(
                s, type(), id(), p.pragma->line, with_interface_mode(*p.pragma, "bram"),
                fmt::format("scalar port '{}' was given a bram (memory) interface", p.name)));
        }
    }
    return out;
}

} // namespace hlsv::inject
