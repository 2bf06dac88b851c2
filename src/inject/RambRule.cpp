#include "RambRule.h"

#include "ports.h"

#include <fmt/format.h>

namespace hlsv::inject {

std::vector<Site> RambRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& f : s.functions) {
        for (const auto& p : ports_of(s, f)) {
            if (!p.is_array || !p.pragma || p.mode == "m_axi" || !p.data_dependent) {
                continue;
            }
            std::string line = with_interface_mode(*p.pragma, "m_axi");
            if (!p.pragma->options.count("offset")) {
                line += " offset=slave";
            }
            out.push_back(line_site(
                s, type(), id(), p.pragma->line, line,
                fmt::format("port '{}' moved to an m_axi burst interface although the body "
                            "indexes it with data-dependent (random) addresses",
                            p.name)));
        }
    }
    return out;
}

} // namespace hlsv::inject
