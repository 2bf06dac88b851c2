#include "ZeroRule.h"

#include "scan.h"

#include <fmt/format.h>

namespace hlsv::inject {

namespace {

bool is_zero(std::string_view init) {
    static const char* const zeros[] = {"0",   "0u", "0U",    "0.0", "0.0f", "0.f", "false",
                                        "{0}", "{}", "{ 0 }", "0x0", "0L",   "0LL"};
    return std::find(std::begin(zeros), std::end(zeros), init) != std::end(zeros);
}

} // namespace

std::vector<Site> ZeroRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (int ln = 1; ln <= static_cast<int>(source.line_count()); ++ln) {
        std::string_view l = trim(source.line(ln));
        if (l.empty() || l[0] == '#' || l.find("constexpr") != std::string_view::npos) {
            continue;
        }
        Decl d = parse_decl(l);
        if (!d.ok || d.init.empty() || is_zero(d.init) || d.init_reads_stream()) {
            continue;
        }
        // File-scope constants only when they are arrays (tables); scalars there may size arrays.
        if (!s.function_at(ln) && !d.is_array) {
            continue;
        }
        bool brace = d.init.front() == '{';
        out.push_back(
            line_site(s, type(), id(), ln, d.head + (brace ? " = {0};" : " = 0;"),
                      fmt::format("the initializer of '{}' ({}) was set to 0", d.name, d.init)));
    }
    return out;
}

} // namespace hlsv::inject
