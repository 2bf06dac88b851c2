#include "IlnuRule.h"

#include "scan.h"

#include <algorithm>

namespace hlsv::inject {

std::vector<Site> IlnuRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (std::size_t i = 0; i < s.loops.size(); ++i) {
        const auto& l = s.loops[i];
        if (l.children.empty() || loop_has_pragma(s, static_cast<int>(i), "unroll")) {
            continue;
        }
        bool inner_unrolled = std::any_of(l.children.begin(), l.children.end(),
                                          [&](int c) { return loop_has_pragma(s, c, "unroll"); });
        if (inner_unrolled) {
            continue;
        }
        Site site;
        if (insert_after_header(s, l, type(), id(), "#pragma HLS unroll",
                                "the outer loop was unrolled while its inner loop stays rolled",
                                site)) {
            out.push_back(std::move(site));
        }
    }
    return out;
}

} // namespace hlsv::inject
