#include "FndRule.h"

#include "scan.h"

#include <fmt/format.h>

namespace hlsv::inject {

namespace {

// The factor nearest above `f` that does not divide `n` (n unknown: f + 1 when f is even).
std::optional<long long> bad_factor(long long f, std::optional<long long> n) {
    if (!n) {
        return f % 2 == 0 ? std::optional<long long>(f + 1) : std::nullopt;
    }
    for (long long g = f + 1; g < *n; ++g) {
        if (*n % g != 0) {
            return g;
        }
    }
    for (long long g = f - 1; g >= 2; --g) {
        if (*n % g != 0) {
            return g;
        }
    }
    return std::nullopt;
}

std::optional<long long> trip_count(const parse::DesignFacts& facts, const ScanLoop& l) {
    for (const auto& fl : facts.loops) {
        if (fl.line_start <= l.line && fl.line_end >= l.line && fl.trip_count &&
            fl.line_start >= l.line - 1) {
            return fl.trip_count;
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<Site> FndRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& p : s.pragmas) {
        auto it = p.options.find("factor");
        if (it == p.options.end()) {
            continue;
        }
        long long f = std::atoll(it->second.c_str());
        if (f < 2) {
            continue;
        }
        std::optional<long long> n;
        std::string what;
        if (p.directive == "array_partition" && p.options.count("variable")) {
            long long dim = p.options.count("dim") ? std::atoll(p.options.at("dim").c_str()) : 1;
            if (dim < 1) {
                continue;
            }
            n = s.dim_size(facts, p.options.at("variable"), static_cast<std::size_t>(dim - 1));
            what = fmt::format("dimension {} of '{}'", dim, p.options.at("variable"));
        } else if (p.directive == "unroll" && p.loop >= 0) {
            n = trip_count(facts, s.loops[static_cast<std::size_t>(p.loop)]);
            what = "the loop's trip count";
        } else {
            continue;
        }
        auto g = bad_factor(f, n);
        if (!g) {
            continue;
        }
        std::string size = n ? fmt::format(" ({})", *n) : "";
        out.push_back(
            line_site(s, type(), id(), p.line, set_option(p.text, "factor", std::to_string(*g)),
                      fmt::format("factor={} became factor={}, which does not divide {}{}", f, *g,
                                  what, size)));
    }
    // No factor to change: add a partition or an unroll with one that does not divide.
    for (const auto& a : partition_candidates(s, facts)) {
        auto n = s.dim_size(facts, a.name, 0);
        auto g = n && *n >= 4 ? bad_factor(1, n) : std::nullopt;
        Site site;
        if (g && insert_partition(
                     s, a, type(), id(),
                     fmt::format("#pragma HLS array_partition variable={} type=cyclic factor={} "
                                 "dim=1",
                                 a.name, *g),
                     fmt::format("a cyclic partition with factor={} was added, which does not "
                                 "divide dimension 1 of '{}' ({})",
                                 *g, a.name, *n),
                     site)) {
            out.push_back(std::move(site));
        }
    }
    for (std::size_t i = 0; i < s.loops.size(); ++i) {
        const ScanLoop& l = s.loops[i];
        auto n = trip_count(facts, l);
        auto g = n && *n >= 4 ? bad_factor(1, n) : std::nullopt;
        Site site;
        if (g && !loop_has_pragma(s, static_cast<int>(i), "unroll") &&
            !loop_has_pragma(s, static_cast<int>(i), "pipeline") &&
            insert_after_header(s, l, type(), id(), fmt::format("#pragma HLS unroll factor={}", *g),
                                fmt::format("an unroll with factor={} was added, which does not "
                                            "divide the loop's trip count ({})",
                                            *g, *n),
                                site)) {
            out.push_back(std::move(site));
        }
    }
    return out;
}

} // namespace hlsv::inject
