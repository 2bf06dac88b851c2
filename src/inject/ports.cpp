// How a function's body uses its ports, for the interface rules.
#include "ports.h"

#include <algorithm>
#include <cctype>

namespace hlsv::inject {

namespace {

bool is_caps(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) ||
               std::isdigit(static_cast<unsigned char>(c)) || c == '_';
    });
}

// True when the index in tokens [b, e) walks the array in order as the loops run: a row-major
// linearisation such as `t * TILE + r * COLS + c` or `(r - 1) * W + (c - 1)`, where the
// innermost loop's counter (stepping by one) appears once with coefficient 1 and every other
// name is an enclosing loop's counter or an ALL_CAPS constant.
bool in_order(const Scan& s, std::size_t b, std::size_t e) {
    if (b >= e) {
        return false;
    }
    int l = s.loop_at(s.src->line_of(s.toks[b].begin));
    if (l < 0) {
        return false;
    }
    const ScanLoop& inner = s.loops[static_cast<std::size_t>(l)];
    std::string step;
    for (char c : inner.step) {
        if (c != ' ') {
            step += c;
        }
    }
    if (inner.var.empty() ||
        (step != inner.var + "++" && step != "++" + inner.var && step != inner.var + "+=1")) {
        return false;
    }
    auto enclosing_var = [&](std::string_view v) {
        for (int k = l; k >= 0; k = s.loops[static_cast<std::size_t>(k)].parent) {
            if (s.loops[static_cast<std::size_t>(k)].var == v) {
                return true;
            }
        }
        return false;
    };
    int seen = 0;
    for (std::size_t j = b; j < e; ++j) {
        const Token& t = s.toks[j];
        bool op = t.text == "+" || t.text == "-" || t.text == "*" || t.text == "(" || t.text == ")";
        if (!op && t.kind != TokKind::number &&
            !(t.kind == TokKind::ident && (is_caps(t.text) || enclosing_var(t.text)))) {
            return false;
        }
        if (t.text != inner.var) {
            continue;
        }
        ++seen;
        // Coefficient 1: not multiplied, not negated, also through one level of parentheses.
        std::size_t lo = j, hi = j;
        int depth = 0;
        for (std::size_t k = j; k-- > b;) {
            depth += s.toks[k].text == ")" ? 1 : s.toks[k].text == "(" ? -1 : 0;
            if (depth < 0) {
                lo = k;
                break;
            }
        }
        depth = 0;
        for (std::size_t k = j + 1; k < e; ++k) {
            depth += s.toks[k].text == "(" ? 1 : s.toks[k].text == ")" ? -1 : 0;
            if (depth < 0) {
                hi = k;
                break;
            }
        }
        auto scaled = [&](std::size_t before, std::size_t after) {
            return (before > b &&
                    (s.toks[before - 1].text == "*" || s.toks[before - 1].text == "-")) ||
                   (after + 1 < e && s.toks[after + 1].text == "*");
        };
        if (scaled(j, j) || (lo != j && scaled(lo, hi))) {
            return false;
        }
    }
    return seen == 1;
}

} // namespace

std::vector<Port> ports_of(const Scan& s, const ScanFunction& f) {
    std::vector<std::string> loop_vars;
    for (const auto& l : s.loops) {
        if (l.function == f.name && !l.var.empty()) {
            loop_vars.push_back(l.var);
        }
    }
    auto known = [&](std::string_view w) {
        std::string n(w);
        bool caps = std::all_of(n.begin(), n.end(), [](char c) {
            return std::isupper(static_cast<unsigned char>(c)) ||
                   std::isdigit(static_cast<unsigned char>(c)) || c == '_';
        });
        return caps || std::find(loop_vars.begin(), loop_vars.end(), n) != loop_vars.end() ||
               std::find(f.params.begin(), f.params.end(), n) != f.params.end();
    };
    std::vector<Port> out;
    auto [b, e] = token_range(s, f.body_begin, f.body_end);
    for (const auto& name : f.params) {
        Port p;
        p.name = name;
        p.is_array =
            std::find(f.array_params.begin(), f.array_params.end(), name) != f.array_params.end();
        for (const auto& pr : s.pragmas) {
            if (pr.function == f.name && pr.directive == "interface") {
                auto it = pr.options.find("port");
                if (it != pr.options.end() && it->second == name) {
                    p.pragma = &pr;
                    p.mode = interface_mode(pr);
                }
            }
        }
        for (std::size_t i = b; i + 1 < e; ++i) {
            if (s.toks[i].text != name || s.toks[i + 1].text != "[") {
                continue;
            }
            ++p.accesses;
            int depth = 0;
            std::size_t idx_tokens = 0;
            bool bare_counter = true;
            for (std::size_t j = i + 1; j < e; ++j) {
                depth += s.toks[j].text == "[" ? 1 : s.toks[j].text == "]" ? -1 : 0;
                if (depth == 0) {
                    break;
                }
                if (j == i + 1) {
                    continue;
                }
                ++idx_tokens;
                if (s.toks[j].kind == TokKind::ident && !known(s.toks[j].text)) {
                    p.data_dependent = true;
                }
                if (s.toks[j].kind != TokKind::ident ||
                    std::find(loop_vars.begin(), loop_vars.end(), std::string(s.toks[j].text)) ==
                        loop_vars.end()) {
                    bare_counter = false;
                }
            }
            bool in_step = idx_tokens == 1 ? bare_counter : in_order(s, i + 2, i + 2 + idx_tokens);
            p.simple = p.simple && in_step;
        }
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace hlsv::inject
