// Token and facts helpers the type classifier's confirmers share.
#include "classify_internal.h"

namespace hlsv::inject::classify_detail {

int sline(const ErrorSpec& s) {
    return s.line.value_or(0);
}

std::vector<std::string> toks(std::string_view s) {
    std::vector<std::string> out;
    for (const auto& t : code_tokens(s)) {
        out.emplace_back(t.text);
    }
    return out;
}

bool has_tok(const std::vector<std::string>& v, std::string_view t) {
    return std::find(v.begin(), v.end(), t) != v.end();
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t b = 0;
    while (b <= s.size()) {
        auto e = s.find('\n', b);
        out.push_back(s.substr(b, e == std::string::npos ? std::string::npos : e - b));
        if (e == std::string::npos) {
            break;
        }
        b = e + 1;
    }
    return out;
}

std::string trim(std::string s) {
    auto b = s.find_first_not_of(" \t\r");
    auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool is_number(std::string_view t) {
    return !t.empty() &&
           (std::isdigit(static_cast<unsigned char>(t[0])) || (t[0] == '.' && t.size() > 1));
}

bool is_zero_literal(std::string s) {
    s = trim(s);
    static const std::regex zero(R"(^\(?\s*(0+|0[xX]0+|0*\.0*|0+\.0*[fF]?|0[uUlL]*)\s*\)?$)");
    return std::regex_match(s, zero);
}

/// The parts of a two-token-sequence edit that differ: tokens removed and tokens added.
std::pair<std::vector<std::string>, std::vector<std::string>>
token_delta(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::size_t p = 0;
    while (p < a.size() && p < b.size() && a[p] == b[p]) {
        ++p;
    }
    std::size_t sa = a.size(), sb = b.size();
    while (sa > p && sb > p && a[sa - 1] == b[sb - 1]) {
        --sa;
        --sb;
    }
    return {std::vector<std::string>(a.begin() + static_cast<long>(p),
                                     a.begin() + static_cast<long>(sa)),
            std::vector<std::string>(b.begin() + static_cast<long>(p),
                                     b.begin() + static_cast<long>(sb))};
}

/// Non-pragma code lines of a text.
std::string code_only(const std::string& s) {
    std::string out;
    for (const auto& l : lines_of(s)) {
        if (trim(l).rfind("#pragma", 0) != 0) {
            out += l + "\n";
        }
    }
    return out;
}

std::vector<std::string> pragma_lines(const std::string& s) {
    std::vector<std::string> out;
    for (const auto& l : lines_of(s)) {
        std::string t = trim(l);
        if (t.rfind("#pragma", 0) == 0) {
            out.push_back(t);
        }
    }
    return out;
}

/// Pragmas of `after` that the edit added or changed (their text is in Faulty, not Original).
std::vector<const parse::Pragma*> new_pragmas(const ErrorSpec& spec,
                                              const parse::DesignFacts& after) {
    auto orig = pragma_lines(spec.original);
    std::vector<const parse::Pragma*> out;
    for (const auto& fl : pragma_lines(spec.faulty)) {
        if (std::find(orig.begin(), orig.end(), fl) != orig.end()) {
            continue;
        }
        const parse::Pragma* best = nullptr;
        // The facts hold a pragma's text after "HLS", lower-cased.
        std::string body =
            lower(trim(fl.substr(fl.find("HLS") == std::string::npos ? 0 : fl.find("HLS") + 3)));
        for (const auto& p : after.pragmas) {
            if (same_code(lower(trim(p.text)), body) || same_code(lower(p.text), lower(fl))) {
                if (!best || std::abs(p.line - sline(spec)) < std::abs(best->line - sline(spec))) {
                    best = &p;
                }
            }
        }
        if (best) {
            out.push_back(best);
        }
    }
    return out;
}

std::string opt(const parse::Pragma& p, const std::string& key) {
    if (!p.options.contains(key)) {
        return "";
    }
    const auto& v = p.options[key];
    return lower(v.is_string() ? v.get<std::string>() : v.dump());
}

std::optional<long long> to_ll(const std::string& s) {
    try {
        std::size_t n = 0;
        long long v = std::stoll(s, &n, 0);
        return n == s.size() ? std::optional<long long>(v) : std::nullopt;
    } catch (...) {
        return std::nullopt;
    }
}

const parse::Array* array_named(const parse::DesignFacts& f, const std::string& name,
                                const std::string& function) {
    const parse::Array* any = nullptr;
    for (const auto& a : f.arrays) {
        if (a.name == name) {
            if (a.function == function) {
                return &a;
            }
            any = any ? any : &a;
        }
    }
    return any;
}

const parse::Param* param_named(const parse::DesignFacts& f, const std::string& name,
                                const std::string& function) {
    for (const auto& fn : f.functions) {
        if (!function.empty() && fn.name != function) {
            continue;
        }
        for (const auto& p : fn.params) {
            if (p.name == name) {
                return &p;
            }
        }
    }
    return nullptr;
}

/// The text of function `name`'s definition in `text` (by the facts' line range).
std::string function_text(const parse::DesignFacts& f, const std::string& text,
                          const std::string& name) {
    const parse::Function* fn = f.function(name);
    if (!fn) {
        return {};
    }
    auto ls = lines_of(text);
    std::string out;
    for (int l = fn->line_start; l <= fn->line_end && l <= static_cast<int>(ls.size()); ++l) {
        out += ls[static_cast<std::size_t>(l - 1)] + "\n";
    }
    return out;
}

/// Index expressions used with `name[...]` in `text` (first subscript of each access).
std::vector<std::string> subscripts(const std::string& text, const std::string& name,
                                    bool all_dims) {
    std::vector<std::string> out;
    auto t = code_tokens(text);
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (t[i].text != name || t[i + 1].text != "[") {
            continue;
        }
        std::string idx;
        std::size_t j = i + 1;
        // One subscript, or (all_dims) each of a chain `[a][b]`, joined by ", ".
        while (j < t.size() && t[j].text == "[") {
            int depth = 0;
            for (; j < t.size(); ++j) {
                if (t[j].text == "[") {
                    if (depth++ == 0) {
                        continue;
                    }
                } else if (t[j].text == "]" && --depth == 0) {
                    break;
                }
                idx += std::string(t[j].text) + " ";
            }
            ++j;
            if (!all_dims) {
                break;
            }
            if (j < t.size() && t[j].text == "[") {
                idx += ", ";
            }
        }
        out.push_back(trim(idx));
    }
    return out;
}

/// Set of loop induction variables of a function.
std::set<std::string> loop_vars(const parse::DesignFacts& f, const std::string& function) {
    std::set<std::string> out;
    for (const auto& l : f.loops) {
        if (l.function == function && !l.induction_var.empty()) {
            out.insert(l.induction_var);
        }
    }
    return out;
}

bool loop_has(const parse::DesignFacts& f, int loop, const std::string& directive) {
    return std::any_of(f.pragmas.begin(), f.pragmas.end(), [&](const parse::Pragma& p) {
        return p.loop && *p.loop == loop && p.directive == directive && opt(p, "off") != "true";
    });
}

int operand_width(const parse::DesignFacts& f, const std::string& var, int line) {
    std::string type;
    for (const auto& v : f.variables) {
        if (v.name == var && v.line <= line) {
            type = v.type;
        }
    }
    for (const auto& fn : f.functions) {
        for (const auto& p : fn.params) {
            if (p.name == var && type.empty()) {
                type = p.type;
            }
        }
    }
    for (const auto& a : f.arrays) {
        if (a.name == var && type.empty()) {
            type = a.element_type;
        }
    }
    static const std::regex ap(R"(ap_u?(int|fixed)\s*<\s*(\d+))");
    std::smatch m;
    if (std::regex_search(type, m, ap)) {
        return std::stoi(m[2]);
    }
    if (type.find("long long") != std::string::npos || type.find("64") != std::string::npos ||
        type.find("long") != std::string::npos || type.find("size_t") != std::string::npos) {
        return 64;
    }
    return 32; // int, and anything narrower is promoted to int before the shift
}

TypeConfirmation yes(std::string e) {
    return {true, std::move(e)};
}
TypeConfirmation no(std::string e) {
    return {false, std::move(e)};
}

} // namespace hlsv::inject::classify_detail
