#include "MluRule.h"

#include "scan.h"

#include <fmt/format.h>

namespace hlsv::inject {

namespace {

// A statement's shape with its constants abstracted: "acc += m[r][c + 2] * x[c + 2];" and
// "acc += m[r][c] * x[c];" share one. `varies` says whether constants were abstracted at all.
std::string shape(std::string_view line, bool& varies) {
    auto t = code_tokens(line);
    std::string out;
    varies = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if ((t[i].text == "+" || t[i].text == "-") && i + 1 < t.size() &&
            t[i + 1].kind == TokKind::number && i > 0 &&
            (t[i - 1].kind == TokKind::ident || t[i - 1].text == ")")) {
            ++i;
            varies = true;
            continue;
        }
        if (t[i].kind == TokKind::number) {
            out += "# ";
            varies = true;
            continue;
        }
        out.append(t[i].text);
        out += ' ';
    }
    return out;
}

} // namespace

std::vector<Site> MluRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    int n = static_cast<int>(source.line_count());
    for (int ln = 1; ln <= n; ++ln) {
        if (!is_code_line(s, ln) || trim(source.line(ln)).empty() ||
            trim(source.line(ln)).back() != ';') {
            continue;
        }
        bool varies = false;
        std::string sh = shape(source.line(ln), varies);
        // A run of consecutive statements of the same shape that differ in their constants.
        int end = ln;
        while (end + 1 <= n && is_code_line(s, end + 1)) {
            bool v2 = false;
            if (shape(source.line(end + 1), v2) != sh ||
                trim(source.line(end + 1)) == trim(source.line(end))) {
                break;
            }
            varies = varies || v2;
            ++end;
        }
        if (!varies) {
            continue;
        }
        for (int k = ln + 1; k <= end; ++k) {
            std::string_view next = source.line(k);
            while (!next.empty() &&
                   (next.back() == ' ' || next.back() == '\t' || next.back() == '\r')) {
                next.remove_suffix(1);
            }
            Site site =
                line_site(s, type(), id(), k - 1, std::string(trim(source.line(k - 1))),
                          fmt::format("the unrolled statement '{}' (copy {} of {}) was dropped",
                                      trim(next), k - ln + 1, end - ln + 1));
            site.original += "\n" + std::string(next);
            out.push_back(std::move(site));
        }
        ln = end;
    }
    return out;
}

} // namespace hlsv::inject
