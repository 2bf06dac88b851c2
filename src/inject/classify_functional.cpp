// Confirmers for the functional bug types: what the edit does to indices, initializers,
// shifts, loop exits, operands, buffers and precision.
#include "classify_internal.h"

namespace hlsv::inject::classify_detail {
// ---- functional types ---------------------------------------------------------------------

TypeConfirmation confirm_oob(const ErrorSpec& s, const parse::DesignFacts& before,
                             const std::vector<std::string>& a, const std::vector<std::string>& b) {
    auto [rem, add] = token_delta(a, b);
    bool bound_edit = false;
    std::vector<std::string> delta = add;
    delta.insert(delta.end(), rem.begin(), rem.end()); // an offset removed counts as added
    for (const auto& t : delta) {
        bound_edit = bound_edit || t == "<=" || t == ">=" || t == "+" || t == "-" || is_number(t) ||
                     std::isalpha(static_cast<unsigned char>(t[0]));
    }
    if (!bound_edit) {
        return no("the edit changes no index, offset or bound");
    }
    bool subscript = has_tok(b, "[");
    const parse::Loop* loop = nullptr;
    if (has_tok(b, "for") || has_tok(b, "while")) {
        for (const auto& l : before.loops) {
            // A labelled loop starts at its label, the line above its header.
            if (l.line_start == sline(s) || (!l.label.empty() && l.line_start == sline(s) - 1)) {
                loop = &l;
            }
        }
    }
    if (!subscript && !loop) {
        return no("neither an array subscript nor a loop bound is edited");
    }
    return yes(loop ? fmt::format("bound of the loop at line {} edited ({} -> {})", sline(s),
                                  fmt::join(rem, " "), fmt::join(add, " "))
                    : fmt::format("array index edited ({} -> {})", fmt::join(rem, " "),
                                  fmt::join(add, " ")));
}

TypeConfirmation confirm_init(const std::vector<std::string>& a, const std::vector<std::string>& b,
                              const std::string& after_text) {
    // Removed: the whole initializing statement (or reset loop), or only its "= value".
    std::string var;
    if (b.empty()) {
        auto eq = std::find(a.begin(), a.end(), "=");
        if (eq != a.end() && eq != a.begin()) {
            auto it = eq - 1;
            while (it != a.begin() && *it == "]") { // a[i] = 0: the array
                it = std::find(a.begin(), it, "[");
                it = it == a.begin() ? it : it - 1;
            }
            var = *it;
        }
        if (a.size() > 0 && (a[0] == "for" || a[0] == "memset")) {
            auto br = std::find(a.begin(), a.end(), "[");
            if (br != a.end() && br != a.begin()) {
                var = *(br - 1);
            } else if (a[0] == "memset" && a.size() > 2) {
                var = a[2];
            }
        }
    } else {
        auto [rem, add] = token_delta(a, b);
        if (!add.empty() || rem.empty() || rem[0] != "=") {
            return no("the edit neither removes an initializer nor an initializing statement");
        }
        auto eq = std::find(a.begin(), a.end(), "=");
        if (eq != a.begin()) {
            var = *(eq - 1);
        }
    }
    if (var.empty() || (!std::isalpha(static_cast<unsigned char>(var[0])) && var[0] != '_')) {
        return no("no initialized variable found in the removed code");
    }
    auto rest = code_tokens(after_text);
    long reads =
        std::count_if(rest.begin(), rest.end(), [&](const Token& t) { return t.text == var; });
    if (reads == 0) {
        return no("'" + var + "' is not used after its initialization is removed");
    }
    return yes(fmt::format("initialization of '{}' removed; '{}' is still read ({} uses)", var, var,
                           reads));
}

TypeConfirmation confirm_shft(const ErrorSpec& s, const parse::DesignFacts& before,
                              const std::vector<std::string>& b) {
    for (std::size_t i = 1; i + 1 < b.size(); ++i) {
        if (b[i] != "<<" && b[i] != ">>" && b[i] != "<<=" && b[i] != ">>=") {
            continue;
        }
        std::string operand = b[i - 1];
        if (operand == "]") {
            // a[i][j] << n: the array's name, before its balanced subscripts
            std::size_t j = i - 1;
            while (j > 0 && b[j] == "]") {
                int depth = 0;
                for (; j > 0; --j) {
                    depth += b[j] == "]" ? 1 : b[j] == "[" ? -1 : 0;
                    if (depth == 0) {
                        break;
                    }
                }
                --j;
            }
            operand = b[j];
        } else if (operand == ")") {
            // (x + y) << n: the first name inside the parentheses
            std::size_t j = i - 1;
            for (int depth = 0; j > 0; --j) {
                depth += b[j] == ")" ? 1 : b[j] == "(" ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            for (std::size_t k = j; k < i; ++k) {
                if (std::isalpha(static_cast<unsigned char>(b[k][0])) || b[k][0] == '_') {
                    operand = b[k];
                    break;
                }
            }
        }
        std::string amount = b[i + 1];
        if (amount == "(" && i + 2 < b.size()) {
            amount = b[i + 2];
        }
        int width = operand_width(before, operand, sline(s));
        if (auto n = to_ll(amount.substr(0, amount.find_first_of("uUlL")))) {
            if (*n >= width || *n < 0) {
                return yes(fmt::format("shift by {} on '{}' ({} bits wide)", *n, operand, width));
            }
            continue;
        }
        // A computed amount: a width constant or an amount plus one.
        if (i + 3 < b.size() && b[i + 2] == "+") {
            return yes(fmt::format("shift amount of '{}' grows past its range ({} + ...)", operand,
                                   amount));
        }
    }
    return no("no shift on the edited line reaches its operand's width");
}

TypeConfirmation confirm_inf(const ErrorSpec& s, const parse::DesignFacts& before,
                             const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const parse::Loop* loop = nullptr;
    for (const auto& l : before.loops) {
        if (l.line_start <= sline(s) && sline(s) <= l.line_end &&
            (!loop || l.line_start >= loop->line_start)) {
            loop = &l;
        }
    }
    if (!loop) {
        return no("the edit is not in a loop");
    }
    bool header = has_tok(a, "for") || has_tok(a, "while");
    auto [rem, add] = token_delta(a, b);
    std::set<std::string> vars;
    for (const auto& l : before.loops) {
        if (l.line_start <= sline(s) && sline(s) <= l.line_end && !l.induction_var.empty()) {
            vars.insert(l.induction_var);
        }
    }
    bool touches_control = header;
    for (const auto& t : rem) {
        touches_control = touches_control || t == "++" || t == "--" || t == "+=" || t == "-=" ||
                          vars.count(t) > 0;
    }
    if (!touches_control) {
        return no("the edit does not touch a loop's exit condition or its counter");
    }
    return yes(fmt::format("loop at line {}: exit condition or counter edited ({} -> {})",
                           loop->line_start, fmt::join(rem, " "), fmt::join(add, " ")));
}

TypeConfirmation confirm_use(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    auto [rem, add] = token_delta(a, b);
    auto signed_word = [](const std::string& t) {
        return t == "int" || t == "char" || t == "short" || t == "signed" || t == "ap_int" ||
               t == "ap_fixed" || std::regex_match(t, std::regex("int(8|16|32|64)_t"));
    };
    auto unsigned_word = [](const std::string& t) {
        return t == "unsigned" || t == "ap_uint" || t == "ap_ufixed" || t == "size_t" ||
               std::regex_match(t, std::regex("uint(8|16|32|64)_t"));
    };
    if (has_tok(add, "stream") || has_tok(rem, "stream")) {
        return no("the edit changes a stream type, not a signedness");
    }
    bool to_signed = std::any_of(add.begin(), add.end(), signed_word) ||
                     std::any_of(rem.begin(), rem.end(), unsigned_word);
    bool to_unsigned = std::any_of(add.begin(), add.end(), unsigned_word) ||
                       std::any_of(rem.begin(), rem.end(), signed_word);
    if (!to_signed && !to_unsigned) {
        return no("the edit changes no signed/unsigned type or cast");
    }
    return yes(
        fmt::format("signedness changed: {} -> {}", fmt::join(rem, " "), fmt::join(add, " ")));
}

/// Token skeleton of one copy of a hand-unrolled statement: numbers, numeric suffixes of names
/// (acc0, acc1) and index offsets (`[i + 2]`) abstracted, so every copy has the same one.
std::string skeleton(const std::vector<std::string>& t) {
    std::string s;
    for (std::size_t k = 0; k < t.size(); ++k) {
        const std::string& x = t[k];
        if ((x == "+" || x == "-") && k + 2 < t.size() && is_number(t[k + 1]) && t[k + 2] == "]") {
            ++k; // drop "+ N" before "]"
            continue;
        }
        if (is_number(x)) {
            s += "# ";
            continue;
        }
        std::size_t end = x.size();
        while (end > 1 && std::isdigit(static_cast<unsigned char>(x[end - 1])) &&
               (std::isalpha(static_cast<unsigned char>(x[0])) || x[0] == '_')) {
            --end;
        }
        s += x.substr(0, end) + (end < x.size() ? "#" : "") + " ";
    }
    return s;
}

/// True when `t` has a subscript with a constant offset (`[i + 1]`): one copy of an unrolled body.
bool has_offset_subscript(const std::vector<std::string>& t) {
    for (std::size_t k = 0; k + 3 < t.size(); ++k) {
        if ((t[k] == "+" || t[k] == "-") && is_number(t[k + 1]) && t[k + 2] == "]") {
            return true;
        }
    }
    return false;
}

/// The statements of a token sequence (split after each ';').
std::vector<std::vector<std::string>> statements(const std::vector<std::string>& t) {
    std::vector<std::vector<std::string>> out(1);
    for (const auto& x : t) {
        out.back().push_back(x);
        if (x == ";") {
            out.emplace_back();
        }
    }
    if (out.back().empty()) {
        out.pop_back();
    }
    return out;
}

TypeConfirmation confirm_mlu(const ErrorSpec& s, const std::string& after_text,
                             const std::vector<std::string>& a, const std::vector<std::string>& b) {
    // The statements the edit removed or changed: those of Original that Faulty lacks.
    auto kept = statements(b);
    std::vector<std::vector<std::string>> edited;
    for (auto& st : statements(a)) {
        auto it = std::find(kept.begin(), kept.end(), st);
        if (it != kept.end()) {
            kept.erase(it);
        } else {
            edited.push_back(st);
        }
    }
    if (edited.empty()) {
        return no("the edit removes or changes no statement");
    }
    auto ls = lines_of(after_text);
    int lo = std::max(1, sline(s) - 10);
    int hi = std::min(static_cast<int>(ls.size()), sline(s) + 10);
    bool offsets = false;
    for (int l = lo; l <= hi; ++l) {
        offsets = offsets || has_offset_subscript(toks(ls[static_cast<std::size_t>(l - 1)]));
    }
    for (const auto& st : edited) {
        std::string sk = skeleton(st);
        int siblings = 0;
        for (int l = lo; l <= hi; ++l) {
            for (const auto& other : statements(toks(ls[static_cast<std::size_t>(l - 1)]))) {
                siblings += skeleton(other) == sk;
            }
        }
        if (siblings > 0 && (offsets || has_offset_subscript(st))) {
            return yes(fmt::format("hand-unrolled body: {} other copies of '{}' nearby, working "
                                   "on shifted indices",
                                   siblings, fmt::join(st, " ")));
        }
    }
    return no("no copy of the edited statement on shifted indices nearby: not a hand-unrolled "
              "body");
}

TypeConfirmation confirm_zero(const ErrorSpec& s, const parse::DesignFacts& before) {
    auto eqo = s.original.find('=');
    auto eqf = s.faulty.find('=');
    if (eqo == std::string::npos || eqf == std::string::npos) {
        return no("no initializer in the edit");
    }
    std::string rhs_o = trim(s.original.substr(eqo + 1));
    std::string rhs_f = trim(s.faulty.substr(eqf + 1));
    rhs_o = rhs_o.substr(0, rhs_o.find(';'));
    rhs_f = rhs_f.substr(0, rhs_f.find(';'));
    if (!is_zero_literal(rhs_f) || is_zero_literal(rhs_o)) {
        return no("the new initial value is not 0 or the old one already was");
    }
    bool decl =
        std::any_of(before.variables.begin(), before.variables.end(),
                    [&](const parse::Variable& v) { return v.line == sline(s) && v.has_init; });
    auto t = toks(rhs_o);
    bool constant = std::all_of(t.begin(), t.end(), [](const std::string& x) {
        return is_number(x) || x == "-" || x == "~" || x == "(" || x == ")" || x == "{" ||
               x == "}" || x == "," || std::all_of(x.begin(), x.end(), [](char c) {
                   return std::isupper(c) || std::isdigit(c) || c == '_';
               });
    });
    bool computed = std::any_of(t.begin(), t.end(), [](const std::string& x) {
        return x == "+" || x == "*" || x == "/" || x == "%" || x == "&" || x == "|" || x == "^" ||
               x == "<<" || x == ">>" || x == "?";
    });
    if (!constant && (!decl || computed)) {
        return no("'" + rhs_o + "' is a computed value, not an initial seed");
    }
    return yes(
        fmt::format("initializer {} -> 0 ({})", rhs_o, decl ? "declaration" : "constant seed"));
}

TypeConfirmation confirm_buf(const parse::DesignFacts& before, const std::vector<std::string>& a,
                             const std::vector<std::string>& b, const std::string& function) {
    auto [rem, add] = token_delta(a, b);
    for (const auto& arr : before.arrays) {
        if (!has_tok(b, arr.name)) {
            continue;
        }
        if (arr.dims.size() >= 2 && arr.dims[0] == 2) {
            return yes(
                fmt::format("'{}' has two banks ([2][...]); the edit selects the other", arr.name));
        }
    }
    for (const auto& fn : before.functions) {
        if (fn.name != function) {
            continue;
        }
        for (const auto& p : fn.params) {
            if (has_tok(b, p.name) && p.dims.size() >= 2 && p.dims[0] == 2) {
                return yes(fmt::format("'{}' has two banks; the edit selects the other", p.name));
            }
        }
    }
    std::string joined = fmt::format("{} {}", fmt::join(rem, " "), fmt::join(add, " "));
    static const std::regex toggle(
        R"((^|\s)!\s|\^\s*1|1\s*-\s|%\s*2|&\s*1\b|/\s*2|>>\s*1|HALF|half|ping|pong|bank|sel)");
    if (std::regex_search(joined, toggle)) {
        return yes("the edit flips a bank toggle or a half offset: " + joined);
    }
    return no("no double buffer, bank toggle or half offset in the edit");
}

TypeConfirmation confirm_prec(const std::vector<std::string>& a,
                              const std::vector<std::string>& b) {
    auto strip = [](std::vector<std::string> v) {
        v.erase(std::remove_if(v.begin(), v.end(),
                               [](const std::string& t) { return t == "(" || t == ")"; }),
                v.end());
        std::sort(v.begin(), v.end());
        return v;
    };
    if (a == b || strip(a) != strip(b)) {
        return no("the edit changes more than parentheses or operator order");
    }
    return yes("same operators and operands, different grouping");
}

} // namespace hlsv::inject::classify_detail
