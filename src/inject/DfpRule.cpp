#include "DfpRule.h"

#include "scan.h"

namespace hlsv::inject {

std::vector<Site> DfpRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (std::size_t i = 0; i < s.loops.size(); ++i) {
        if (loop_has_pragma(s, static_cast<int>(i), "dataflow")) {
            continue;
        }
        Site site;
        if (insert_after_header(
                s, s.loops[i], type(), id(), "#pragma HLS dataflow",
                "a dataflow pragma was placed inside a loop body whose statements are not "
                "separate processes, so the region cannot be a dataflow region",
                site)) {
            out.push_back(std::move(site));
        }
    }
    return out;
}

} // namespace hlsv::inject
