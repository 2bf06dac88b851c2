#include "UseRule.h"

#include "scan.h"

#include <fmt/format.h>

namespace hlsv::inject {

std::vector<Site> UseRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (int ln = 1; ln <= static_cast<int>(source.line_count()); ++ln) {
        const ScanFunction* f = s.function_at(ln);
        std::string_view raw = source.line(ln);
        bool typedef_line = !f && trim(raw).rfind("typedef", 0) == 0;
        if (!typedef_line && (!is_code_line(s, ln) || ln <= source.line_of(f->body_begin))) {
            continue; // function headers must keep matching their prototypes
        }
        auto t = code_tokens(raw);
        for (std::size_t i = 0; i < t.size(); ++i) {
            std::string from, to;
            std::size_t b = t[i].begin, e = t[i].end;
            if (t[i].text == "ap_uint" && i + 3 < t.size() && t[i + 1].text == "<" &&
                t[i + 2].kind == TokKind::number && t[i + 3].text == ">") {
                int w = std::atoi(std::string(t[i + 2].text).c_str());
                if (w < 2 || w > 24) {
                    continue;
                }
                from = "ap_uint", to = "ap_int";
            } else if (t[i].text == "uint8_t" || t[i].text == "uint16_t") {
                from = std::string(t[i].text);
                to = from.substr(1);
            } else if (t[i].text == "unsigned" && i + 1 < t.size() &&
                       (t[i + 1].text == "char" || t[i + 1].text == "short")) {
                from = "unsigned " + std::string(t[i + 1].text);
                to = t[i + 1].text == "char" ? "signed char" : "short";
                e = t[i + 1].end;
            } else {
                continue;
            }
            std::string line(raw);
            line.replace(b, e - b, to);
            out.push_back(line_site(
                s, type(), id(), ln, line,
                fmt::format("'{}' became '{}': the narrow value is now signed, so widening it "
                            "sign-extends instead of zero-extending",
                            from, to)));
            break;
        }
    }
    return out;
}

} // namespace hlsv::inject
