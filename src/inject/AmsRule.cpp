#include "AmsRule.h"

#include "ports.h"

#include <fmt/format.h>

namespace hlsv::inject {

std::vector<Site> AmsRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& f : s.functions) {
        for (const auto& p : ports_of(s, f)) {
            if (!p.is_array || !p.pragma || p.mode == "ap_none") {
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
