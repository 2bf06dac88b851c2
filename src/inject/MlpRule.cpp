#include "MlpRule.h"

#include "scan.h"

#include <algorithm>
#include <fmt/format.h>

namespace hlsv::inject {

std::vector<Site> MlpRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (std::size_t i = 0; i < s.loops.size(); ++i) {
        const auto& inner = s.loops[i];
        if (inner.parent < 0) {
            continue;
        }
        int outer_id = inner.parent;
        const auto& outer = s.loops[static_cast<std::size_t>(outer_id)];
        bool outer_p = loop_has_pragma(s, outer_id, "pipeline");
        bool inner_p = loop_has_pragma(s, static_cast<int>(i), "pipeline");
        if (outer_p == inner_p) {
            continue;
        }
        const ScanLoop& target = outer_p ? inner : outer;
        Site site;
        if (insert_after_header(
                s, target, type(), id(), "#pragma HLS pipeline II=1",
                fmt::format("a pipeline pragma was added to the loop at line {} although the loop "
                            "{} it is nested with is already pipelined",
                            target.line, outer_p ? "enclosing" : "inside"),
                site)) {
            if (std::none_of(out.begin(), out.end(),
                             [&](const Site& x) { return x.line == site.line; })) {
                out.push_back(std::move(site));
            }
        }
    }
    return out;
}

} // namespace hlsv::inject
