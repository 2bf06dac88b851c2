#include "IdapRule.h"

#include "ports.h"

#include <fmt/format.h>

namespace hlsv::inject {

std::vector<Site> IdapRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& f : s.functions) {
        for (const auto& p : ports_of(s, f)) {
            if (!p.is_array || p.mode == "ap_fifo" || p.mode == "axis" || p.accesses == 0) {
                continue;
            }
            if (!p.data_dependent && p.accesses < 2 && p.simple) {
                continue; // one in-order pass: a FIFO would be the right interface
            }
            if (!p.pragma) {
                // A top port without an interface pragma: an engineer adds the FIFO.
                Site site;
                if (f.is_top &&
                    insert_in_body(
                        s, f, type(), id(),
                        fmt::format("#pragma HLS INTERFACE mode=ap_fifo port={}", p.name),
                        fmt::format("port '{}' was given an ap_fifo stream interface, "
                                    "but the body reads it {} times or out of order",
                                    p.name, p.accesses),
                        site)) {
                    out.push_back(std::move(site));
                }
                continue;
            }
            out.push_back(line_site(
                s, type(), id(), p.pragma->line, with_interface_mode(*p.pragma, "ap_fifo"),
                fmt::format("port '{}' became an ap_fifo stream, but the body reads it {} "
                            "times or out of order",
                            p.name, p.accesses)));
        }
    }
    return out;
}

} // namespace hlsv::inject
