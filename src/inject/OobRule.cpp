#include "OobRule.h"

#include "scan.h"

#include <fmt/format.h>

namespace hlsv::inject {

std::vector<Site> OobRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& l : s.loops) {
        if (l.var.empty() || (l.op != "<" && l.op != ">")) {
            continue;
        }
        // The loop must index an array with its induction variable.
        std::string array;
        auto [b, e] = token_range(s, l.body_begin, l.body_end);
        for (std::size_t i = b; i + 1 < e && array.empty(); ++i) {
            if (s.toks[i].kind != TokKind::ident || s.toks[i + 1].text != "[" ||
                !s.is_array(std::string(s.toks[i].text))) {
                continue;
            }
            int depth = 0;
            for (std::size_t j = i + 1; j < e; ++j) {
                depth += s.toks[j].text == "[" ? 1 : s.toks[j].text == "]" ? -1 : 0;
                if (depth == 0) {
                    break;
                }
                if (s.toks[j].text == l.var) {
                    array = std::string(s.toks[i].text);
                    break;
                }
            }
        }
        if (array.empty()) {
            continue;
        }
        std::string line(source.line(l.line));
        auto semi = line.find(';');
        std::string op = l.op == "<" ? "<=" : ">=";
        if (semi == std::string::npos || !replace_token(line, l.op, op, semi)) {
            continue;
        }
        out.push_back(
            line_site(s, type(), id(), l.line, line,
                      fmt::format("the loop condition '{} {} {}' became '{} {} {}', so the last "
                                  "iteration indexes {} one element outside its bounds",
                                  l.var, l.op, l.bound, l.var, op, l.bound, array)));
    }
    return out;
}

} // namespace hlsv::inject
