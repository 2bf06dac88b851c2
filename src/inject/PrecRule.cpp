// PREC sites: parentheses a neighbouring operator needs are dropped ("(a + b) * c" ->
// "a + b * c"); on lines without such a group, parentheses are moved to group other operands
// ("(e & f) ^ g" -> "e & (f ^ g)"), never changing a shift amount or a divisor and never where
// associativity keeps the value.
#include "PrecRule.h"

#include "scan.h"

#include <fmt/format.h>
#include <optional>

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

// Binary operators a regrouping may move: arithmetic, shifts and bitwise (not comparisons,
// whose '<' '>' also spell template arguments and casts).
bool movable(std::string_view op) {
    int p = precedence(op);
    return (p >= 11 && p <= 13) || (p >= 6 && p <= 8);
}

// An operator whose right operand may not change: a shift amount or a divisor would go out of
// range (undefined behaviour, a crash) rather than give a wrong value.
bool fixed_right(std::string_view op) {
    return op == "<<" || op == ">>" || op == "/" || op == "%";
}

// Where an expression may start: what precedes the first operand of a whole expression.
bool expression_start(const std::vector<Token>& t, std::size_t i) {
    if (i == 0) {
        return true;
    }
    std::string_view p = t[i - 1].text;
    return p == "=" || p == "+=" || p == "-=" || p == "*=" || p == "|=" || p == "&=" || p == "^=" ||
           p == "(" || p == "," || p == "return";
}

bool expression_end(const std::vector<Token>& t, std::size_t e) {
    return e >= t.size() || t[e].text == ";" || t[e].text == ")" || t[e].text == "," ||
           t[e].text == "]";
}

// One past the close of the bracket opened at t[i], or t.size().
std::size_t closing(const std::vector<Token>& t, std::size_t i) {
    int depth = 0;
    for (std::size_t j = i; j < t.size(); ++j) {
        depth += t[j].text == "(" || t[j].text == "["   ? 1
                 : t[j].text == ")" || t[j].text == "]" ? -1
                                                        : 0;
        if (depth == 0) {
            return j + 1;
        }
    }
    return t.size();
}

// One past a simple operand starting at t[i]: a number, "x", "x[i]", "f(a)", "(...)", "~x".
std::size_t operand_after(const std::vector<Token>& t, std::size_t i) {
    if (i >= t.size()) {
        return 0;
    }
    if (t[i].text == "~") {
        return operand_after(t, i + 1);
    }
    if (t[i].text == "(") {
        return closing(t, i);
    }
    if (t[i].kind == TokKind::number) {
        return i + 1;
    }
    if (t[i].kind != TokKind::ident) {
        return 0;
    }
    std::size_t e = i + 1;
    while (e < t.size() && (t[e].text == "[" || (e == i + 1 && t[e].text == "("))) {
        e = closing(t, e);
    }
    return e;
}

// The start of a simple operand ending just before t[e] (the reverse of operand_after).
std::optional<std::size_t> operand_before(const std::vector<Token>& t, std::size_t e) {
    for (std::size_t b = e; b-- > 0;) {
        std::size_t start = b > 0 && t[b - 1].text == "~" ? b - 1 : b;
        if (operand_after(t, b) == e) {
            return start;
        }
        if (t[b].text == "=" || t[b].text == ";" || t[b].text == ",") {
            break;
        }
    }
    return std::nullopt;
}

// True when moving the parentheses gives the same value by associativity.
bool associative(std::string_view outer_first, std::string_view then) {
    bool add_sub = (outer_first == "+" || outer_first == "-") && (then == "+" || then == "-");
    if (add_sub) {
        return outer_first == "+";
    }
    return outer_first == then && (then == "*" || then == "&" || then == "|" || then == "^");
}

// The top-level binary operators directly inside the group t[open] .. t[close].
std::vector<std::size_t> group_operators(const std::vector<Token>& t, std::size_t open,
                                         std::size_t close, bool& simple) {
    std::vector<std::size_t> ops;
    simple = true;
    int depth = 0;
    for (std::size_t j = open + 1; j < close; ++j) {
        depth += t[j].text == "(" || t[j].text == "["   ? 1
                 : t[j].text == ")" || t[j].text == "]" ? -1
                                                        : 0;
        if (depth == 0 && j > open + 1 && operand_end(t[j - 1]) && precedence(t[j].text) > 0) {
            simple = simple && movable(t[j].text);
            ops.push_back(j);
        }
        if (depth == 0 && (t[j].text == "?" || t[j].text == "=" || t[j].text == ",")) {
            simple = false;
        }
    }
    return ops;
}

struct Regroup {
    std::size_t erase_open, erase_close;  ///< tokens whose '(' / ')' are dropped
    std::size_t open_before, close_after; ///< '(' goes before this token, ')' after that one
    std::string from, to;                 ///< the two groupings, for the explanation
};

// "(a op1 b) op2 c" -> "a op1 (b op2 c)" and "c op2 (a op1 b)" -> "(c op2 a) op1 b" for the
// group opened at t[i].
std::optional<Regroup> regroup_at(const std::vector<Token>& t, std::size_t i,
                                  std::string_view raw) {
    std::size_t close = closing(t, i);
    if (close > t.size() || close <= i + 2) {
        return std::nullopt;
    }
    std::size_t c = close - 1;
    bool simple = false;
    auto ops = group_operators(t, i, c, simple);
    if (!simple || ops.empty()) {
        return std::nullopt;
    }
    int low = 100;
    for (auto j : ops) {
        low = std::min(low, precedence(t[j].text));
    }
    auto text = [&](std::size_t a, std::size_t b) { // tokens a..b inclusive, as written
        return std::string(raw.substr(t[a].begin, t[b].end - t[a].begin));
    };
    // (a op1 b) op2 c
    if (expression_start(t, i) && c + 2 < t.size() && movable(t[c + 1].text)) {
        std::size_t m = 0;
        for (auto j : ops) {
            if (precedence(t[j].text) == low) {
                m = j; // the last one: the operator applied last
            }
        }
        std::string_view op1 = t[m].text, op2 = t[c + 1].text;
        std::size_t ce = operand_after(t, c + 2);
        if (ce > c + 2 && expression_end(t, ce) && !fixed_right(op1) && !associative(op1, op2)) {
            return Regroup{i,
                           c,
                           m + 1,
                           ce - 1,
                           text(i, ce - 1),
                           text(i + 1, m) + " (" + text(m + 1, c - 1) + " " + std::string(op2) +
                               " " + text(c + 2, ce - 1) + ")"};
        }
    }
    // c op2 (a op1 b)
    if (i >= 2 && movable(t[i - 1].text) && operand_end(t[i - 2]) && expression_end(t, close)) {
        auto cs = operand_before(t, i - 1);
        if (!cs || !expression_start(t, *cs)) {
            return std::nullopt;
        }
        std::size_t m = 0;
        for (auto j : ops) {
            if (precedence(t[j].text) == low) {
                m = j; // the first one: the operator applied last
                break;
            }
        }
        std::string_view op2 = t[i - 1].text, op1 = t[m].text;
        if (!fixed_right(op2) && !associative(op2, op1)) {
            return Regroup{i,
                           c,
                           *cs,
                           m - 1,
                           text(*cs, c),
                           "(" + text(*cs, i - 2) + " " + std::string(op2) + " " +
                               text(i + 1, m - 1) + ") " + text(m, c - 1)};
        }
    }
    return std::nullopt;
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
        bool dropped = false;
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
            dropped = true;
            break;
        }
        // Where no parentheses can be dropped, move them: "(e & f) ^ g" -> "e & (f ^ g)".
        std::string_view tr = trim(raw);
        if (dropped || tr.rfind("for", 0) == 0 || tr.rfind("while", 0) == 0 ||
            tr.rfind("if", 0) == 0) {
            continue;
        }
        for (std::size_t i = 0; i + 1 < t.size(); ++i) {
            if (t[i].text != "(" ||
                (i > 0 && ((t[i - 1].kind == TokKind::ident && t[i - 1].text != "return") ||
                           t[i - 1].text == ")" || t[i - 1].text == "]" || t[i - 1].text == ">"))) {
                continue;
            }
            auto r = regroup_at(t, i, raw);
            if (!r) {
                continue;
            }
            // Edits from right to left keep the earlier offsets valid.
            std::string line = raw;
            if (r->open_before > r->erase_open) { // "(a op1 b) op2 c": the '(' moves right
                line.insert(t[r->close_after].end, ")");
                line.erase(t[r->erase_close].begin, 1);
                line.insert(t[r->open_before].begin, "(");
                line.erase(t[r->erase_open].begin, 1);
            } else { // "c op2 (a op1 b)": the '(' moves left
                line.erase(t[r->erase_close].begin, 1);
                line.insert(t[r->close_after].end, ")");
                line.erase(t[r->erase_open].begin, 1);
                line.insert(t[r->open_before].begin, "(");
            }
            out.push_back(line_site(
                s, type(), id(), ln, line,
                fmt::format("the parentheses of '{}' were moved to '{}', so the operators "
                            "group differently",
                            r->from, r->to)));
            break;
        }
    }
    return out;
}

} // namespace hlsv::inject
