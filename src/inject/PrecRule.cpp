#include "PrecRule.h"

#include "scan.h"

#include <fmt/format.h>

namespace hlsv::inject {

namespace {

int precedence(std::string_view op) {
    if (op == "*" || op == "/" || op == "%")
        return 13;
    if (op == "+" || op == "-")
        return 12;
    if (op == "<<" || op == ">>")
        return 11;
    if (op == "<" || op == "<=" || op == ">" || op == ">=")
        return 10;
    if (op == "==" || op == "!=")
        return 9;
    if (op == "&")
        return 8;
    if (op == "^")
        return 7;
    if (op == "|")
        return 6;
    if (op == "&&")
        return 5;
    if (op == "||")
        return 4;
    return 0;
}

bool operand_end(const Token& t) {
    return t.kind == TokKind::ident || t.kind == TokKind::number || t.text == ")" || t.text == "]";
}

} // namespace

std::vector<Site> PrecRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (int ln = 1; ln <= static_cast<int>(source.line_count()); ++ln) {
        if (!is_code_line(s, ln) || ln <= source.line_of(s.function_at(ln)->body_begin)) {
            continue;
        }
        std::string raw(source.line(ln));
        auto t = code_tokens(raw);
        for (std::size_t i = 1; i + 1 < t.size(); ++i) {
            if (t[i].text != "(" || t[i - 1].kind == TokKind::ident || t[i - 1].text == ")" ||
                t[i - 1].text == "]" || t[i - 1].text == ">") {
                continue;
            }
            // Lowest-precedence binary operator directly inside the parentheses.
            int depth = 0, inner = 100;
            std::size_t c = i;
            for (std::size_t j = i; j < t.size(); ++j) {
                depth += t[j].text == "(" || t[j].text == "["   ? 1
                         : t[j].text == ")" || t[j].text == "]" ? -1
                                                                : 0;
                if (depth == 0) {
                    c = j;
                    break;
                }
                if (depth == 1 && j > i + 1 && operand_end(t[j - 1]) && precedence(t[j].text) > 0) {
                    inner = std::min(inner, precedence(t[j].text));
                }
                if (depth == 1 && (t[j].text == "?" || t[j].text == "=" || t[j].text == ",")) {
                    inner = -1;
                }
            }
            if (c == i || inner <= 0 || inner == 100) {
                continue;
            }
            int left = operand_end(t[i - 1]) ? 0 : precedence(t[i - 1].text);
            int right = c + 1 < t.size() ? precedence(t[c + 1].text) : 0;
            if (std::max(left, right) <= inner) {
                continue;
            }
            std::string line = raw;
            line.erase(t[c].begin, 1);
            line.erase(t[i].begin, 1);
            std::string group = raw.substr(t[i].begin, t[c].end - t[i].begin);
            out.push_back(
                line_site(s, type(), id(), ln, line,
                          fmt::format("the parentheses of '{}' were dropped, so the neighbouring "
                                      "operator now binds first",
                                      group)));
            break;
        }
    }
    return out;
}

} // namespace hlsv::inject
