#include "InitRule.h"

#include "scan.h"

#include <fmt/format.h>

namespace hlsv::inject {

std::vector<Site> InitRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& f : s.functions) {
        int first =
            source.line_of(f.body_begin) + (source.line_of(f.body_begin) == f.line_start ? 1 : 0);
        for (int ln = first; ln < f.line_end; ++ln) {
            if (!is_code_line(s, ln)) {
                continue;
            }
            Decl d = parse_decl(trim(source.line(ln)));
            if (!d.ok || d.is_const || d.is_static || d.init.empty() || d.init_reads_stream()) {
                continue;
            }
            // The simulator fills uninitialized locals with GCC's pattern, which is all-zero
            // for bool: without `= false` the program is the same, an equivalent mutant.
            if (d.init == "false" && d.head.rfind("bool ", 0) == 0) {
                continue;
            }
            // The variable must be read later in the function.
            bool used = false;
            for (int k = ln + 1; k <= f.line_end && !used; ++k) {
                for (const auto& t : line_tokens(source, k)) {
                    if (t.text == d.name) {
                        used = true;
                        break;
                    }
                }
            }
            if (!used) {
                continue;
            }
            out.push_back(
                line_site(s, type(), id(), ln, d.head + ";",
                          fmt::format("the initializer of '{}' (= {}) was removed, so its first "
                                      "read sees an indeterminate value",
                                      d.name, d.init)));
        }
    }
    return out;
}

} // namespace hlsv::inject
