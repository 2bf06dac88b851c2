#include "DidRule.h"

#include "scan.h"

#include <fmt/format.h>

namespace hlsv::inject {

std::vector<Site> DidRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& p : s.pragmas) {
        if ((p.directive != "array_partition" && p.directive != "array_reshape") ||
            !p.options.count("variable")) {
            continue;
        }
        std::size_t rank = s.rank(facts, p.options.at("variable"));
        if (rank == 0) {
            continue;
        }
        std::string dim = std::to_string(rank + 1);
        out.push_back(line_site(s, type(), id(), p.line, set_option(p.text, "dim", dim),
                                fmt::format("dim became {} but '{}' has only {} dimension{}", dim,
                                            p.options.at("variable"), rank, rank == 1 ? "" : "s")));
    }
    // Arrays without a partition: add one whose dim does not exist.
    for (const auto& a : partition_candidates(s, facts)) {
        std::size_t rank = a.dims.size();
        if (rank == 0) {
            continue;
        }
        std::string dim = std::to_string(rank + 1);
        Site site;
        if (insert_partition(
                s, a, type(), id(),
                fmt::format("#pragma HLS array_partition variable={} type=complete dim={}", a.name,
                            dim),
                fmt::format("an array_partition with dim={} was added but '{}' has only {} "
                            "dimension{}",
                            dim, a.name, rank, rank == 1 ? "" : "s"),
                site)) {
            out.push_back(std::move(site));
        }
    }
    return out;
}

} // namespace hlsv::inject
