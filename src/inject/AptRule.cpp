#include "AptRule.h"

#include "scan.h"

#include <fmt/format.h>

namespace hlsv::inject {

std::vector<Site> AptRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& p : s.pragmas) {
        if (p.directive != "array_partition") {
            continue;
        }
        std::string kind = partition_type(p);
        if (kind != "cyclic" && kind != "block") {
            continue;
        }
        std::string other = kind == "cyclic" ? "block" : "cyclic";
        out.push_back(line_site(
            s, type(), id(), p.line, with_partition_type(p, other),
            fmt::format("the {} partition became {}, which no longer matches the order in "
                        "which the loops access the array",
                        kind, other)));
    }
    return out;
}

} // namespace hlsv::inject
