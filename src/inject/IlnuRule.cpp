// ILNU sites: a loop nest outside any pipeline whose outer loop gets `#pragma HLS unroll` while
// an inner loop stays rolled. When the outer loop is pipelined, its pipeline pragma becomes the
// unroll (a pipeline unrolls its inner loops; an unroll does not). When every inner loop is
// already fully unrolled, the first one also loses its unroll pragma, in the same edit: one
// site whose original spans from the outer loop's edited line to the inner pragma.
#include "IlnuRule.h"

#include "scan.h"

#include <algorithm>

namespace hlsv::inject {

namespace {

const ScanPragma* direct_pragma(const Scan& s, int l, std::string_view directive) {
    for (const auto& p : s.pragmas) {
        if (p.loop == l && p.directive == directive) {
            return &p;
        }
    }
    return nullptr;
}

bool fully_unrolled(const Scan& s, int l) {
    const ScanPragma* u = direct_pragma(s, l, "unroll");
    return u && !u->options.count("factor") && !u->options.count("off");
}

bool pipelined_above(const Scan& s, int l) {
    const ScanLoop& loop = s.loops[static_cast<std::size_t>(l)];
    for (int p = loop.parent; p >= 0; p = s.loops[static_cast<std::size_t>(p)].parent) {
        if (direct_pragma(s, p, "pipeline")) {
            return true;
        }
    }
    return std::any_of(s.pragmas.begin(), s.pragmas.end(), [&](const ScanPragma& p) {
        return p.function == loop.function && p.loop < 0 && p.directive == "pipeline" &&
               !p.options.count("off");
    });
}

std::string right_trimmed(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
        line.remove_suffix(1);
    }
    return std::string(line);
}

} // namespace

std::vector<Site> IlnuRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (std::size_t i = 0; i < s.loops.size(); ++i) {
        const auto& l = s.loops[i];
        int li = static_cast<int>(i);
        if (l.children.empty() || direct_pragma(s, li, "unroll") || pipelined_above(s, li)) {
            continue; // inside a pipeline every inner loop is unrolled anyway
        }
        const ScanPragma* pipe = direct_pragma(s, li, "pipeline");
        bool rolled_inner = std::any_of(l.children.begin(), l.children.end(),
                                        [&](int c) { return !fully_unrolled(s, c); });
        const ScanPragma* inner = nullptr; // the inner unroll pragma to drop
        if (!rolled_inner) {
            inner = direct_pragma(s, l.children.front(), "unroll");
            if (!inner) {
                continue;
            }
        }
        std::string why =
            pipe ? "the outer loop's pipeline became an unroll" : "the outer loop was unrolled";
        why += inner ? " and its inner loop lost its unroll, so the inner loop stays rolled"
                     : " while its inner loop stays rolled";
        Site site;
        if (pipe) {
            site = line_site(s, type(), id(), pipe->line, "#pragma HLS unroll", why);
        } else if (!insert_after_header(s, l, type(), id(), "#pragma HLS unroll", why, site)) {
            continue;
        }
        if (inner) {
            int first = site.line;
            if (inner->line <= first) {
                continue;
            }
            for (int ln = first + 1; ln <= inner->line; ++ln) {
                site.original += '\n';
                site.original += right_trimmed(source.line(ln));
                if (ln < inner->line) {
                    site.faulty += '\n';
                    site.faulty += right_trimmed(source.line(ln));
                }
            }
        }
        out.push_back(std::move(site));
    }
    std::sort(out.begin(), out.end(), [](const Site& a, const Site& b) { return a.line < b.line; });
    return out;
}

} // namespace hlsv::inject
