// Lexical read-before-write analysis of local declarations (see repair.h): a missing
// initializer leaves no executable code for coverage to mark, so its declaration line needs
// evidence of its own.
#include "repair.h"
#include "text_scan.h"

#include <cctype>
#include <regex>
#include <set>

namespace hlsv::assist::detail {

namespace {

/// The lines of `src` with comments, string and character literals blanked out.
std::vector<std::string> code_lines(const SourceText& src) {
    std::vector<std::string> out;
    bool in_block = false;
    for (int l = 1; l <= static_cast<int>(src.line_count()); ++l) {
        std::string s(src.line(l));
        char quote = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (in_block) {
                if (s.compare(i, 2, "*/") == 0) {
                    s[i] = s[i + 1] = ' ';
                    in_block = false;
                    ++i;
                } else {
                    s[i] = ' ';
                }
            } else if (quote) {
                if (s[i] == '\\' && i + 1 < s.size()) {
                    s[i] = s[i + 1] = ' ';
                    ++i;
                } else if (s[i] == quote) {
                    quote = 0;
                } else {
                    s[i] = ' ';
                }
            } else if (s.compare(i, 2, "//") == 0) {
                s.erase(i);
            } else if (s.compare(i, 2, "/*") == 0) {
                s[i] = s[i + 1] = ' ';
                in_block = true;
                ++i;
            } else if (s[i] == '"' || s[i] == '\'') {
                quote = s[i];
            }
        }
        if (!s.empty() && s.find_first_not_of(" \t") != std::string::npos &&
            s[s.find_first_not_of(" \t")] == '#') {
            s.clear(); // preprocessor lines and pragmas
        }
        out.push_back(std::move(s));
    }
    return out;
}

/// `update`: compound assignment or increment (reads and writes).
enum class Use { none, read, write, update, unknown };

/// How the first use of `var` on line `s` (from offset `from`) treats it; `*at`: where it is.
Use first_use(const std::string& s, const std::string& var, std::size_t from,
              std::size_t* at = nullptr, const std::set<std::string>* by_value = nullptr) {
    static const std::set<std::string> not_calls = {"if",     "while",  "for",
                                                    "switch", "return", "sizeof"};
    for (std::size_t p = s.find(var, from); p != std::string::npos; p = s.find(var, p + 1)) {
        std::size_t e = p + var.size();
        if ((p > 0 && ident_char(s[p - 1])) || (e < s.size() && ident_char(s[e]))) {
            continue;
        }
        std::size_t b = p;
        while (b > 0 && s[b - 1] == ' ') {
            --b;
        }
        if (b > 0 && (s[b - 1] == '.' || (b > 1 && (s.compare(b - 2, 2, "->") == 0 ||
                                                    s.compare(b - 2, 2, "::") == 0)))) {
            continue; // a member or qualified name that merely shares the spelling
        }
        if (at) {
            *at = p;
        }
        if (b > 1 && (s.compare(b - 2, 2, "++") == 0 || s.compare(b - 2, 2, "--") == 0)) {
            return Use::update;
        }
        if (b > 0 && s[b - 1] == '&' && (b < 2 || s[b - 2] != '&')) {
            return Use::unknown; // address taken
        }
        if (b > 1 && s.compare(b - 2, 2, ">>") == 0) {
            return Use::write; // stream extraction
        }
        // An index is read, whatever the indexed expression is passed to.
        int nest = 0;
        for (std::size_t q = p; q-- > 0;) {
            if (s[q] == ')' || s[q] == ']') {
                ++nest;
            } else if (s[q] == '(' || s[q] == '[') {
                if (nest-- > 0) {
                    continue;
                }
                std::size_t nx = s.find_first_not_of(' ', e);
                bool changes = nx != std::string::npos &&
                               (s.compare(nx, 2, "++") == 0 || s.compare(nx, 2, "--") == 0 ||
                                (s[nx] == '=' && s.compare(nx, 2, "==") != 0) ||
                                (nx + 1 < s.size() && s[nx + 1] == '=' &&
                                 std::string("+-*/%&|^").find(s[nx]) != std::string::npos));
                if (s[q] == '[' && !changes) {
                    return Use::read;
                }
                break;
            }
        }
        // An argument of a call may be an output parameter.
        int depth = 0;
        for (std::size_t q = p; q-- > 0;) {
            if (s[q] == ')') {
                ++depth;
            } else if (s[q] == '(') {
                if (depth-- > 0) {
                    continue;
                }
                std::string word = word_before(s, q);
                bool value_call = by_value && by_value->count(word) > 0;
                if (!word.empty() && !not_calls.count(word) && !value_call &&
                    !std::isdigit(static_cast<unsigned char>(word[0]))) {
                    return Use::unknown;
                }
                break;
            }
        }
        // Skip subscripts, then look at what follows.
        std::size_t q = e;
        while (true) {
            while (q < s.size() && s[q] == ' ') {
                ++q;
            }
            if (q < s.size() && s[q] == '[') {
                int d = 0;
                for (; q < s.size(); ++q) {
                    d += s[q] == '[' ? 1 : s[q] == ']' ? -1 : 0;
                    if (d == 0) {
                        break;
                    }
                }
                ++q;
                continue;
            }
            break;
        }
        if (q >= s.size()) {
            return Use::unknown; // a statement continued on the next line
        }
        if (s[q] == '=' && (q + 1 >= s.size() || s[q + 1] != '=')) {
            // `v = f(v)` reads v before it writes it; the assigned expression ends at the
            // statement's ';' (a `for` init `i = 0;` is a write before its condition reads i).
            std::size_t stmt_end = s.find(';', q + 1);
            if (stmt_end == std::string::npos) {
                stmt_end = s.size();
            }
            for (std::size_t r = s.find(var, q + 1); r != std::string::npos && r < stmt_end;
                 r = s.find(var, r + 1)) {
                std::size_t re = r + var.size();
                if (!ident_char(s[r - 1]) && s[r - 1] != '.' &&
                    (re >= s.size() || !ident_char(s[re]))) {
                    return Use::update;
                }
            }
            return Use::write;
        }
        static const std::regex const_member(
            R"(^\.\s*(range|to_int|to_uint|to_long|to_ulong|to_int64|to_uint64|to_double|length|or_reduce|and_reduce|xor_reduce)\s*\()");
        std::smatch cm;
        if (std::regex_search(s.cbegin() + static_cast<std::ptrdiff_t>(q), s.cend(), cm,
                              const_member)) {
            // A bit-range or conversion read, unless the range is assigned to.
            std::size_t open = q + static_cast<std::size_t>(cm.length(0)) - 1;
            int d = 0;
            std::size_t close = open;
            for (; close < s.size(); ++close) {
                d += s[close] == '(' ? 1 : s[close] == ')' ? -1 : 0;
                if (d == 0) {
                    break;
                }
            }
            std::size_t after = s.find_first_not_of(' ', close + 1);
            bool assigned = after != std::string::npos && s[after] == '=' &&
                            (after + 1 >= s.size() || s[after + 1] != '=');
            if (close < s.size() && !assigned) {
                return Use::read;
            }
        }
        if (s[q] == '.' || s[q] == '(' || s.compare(q, 2, "->") == 0) {
            return Use::unknown; // member calls, ap_int ranges, function-like uses
        }
        static const std::regex compound(R"(^(\+\+|--|(?:[-+*/%&|^]|<<|>>)=))");
        if (std::regex_search(s.begin() + static_cast<std::ptrdiff_t>(q), s.end(), compound)) {
            return Use::update;
        }
        return Use::read;
    }
    return Use::none;
}

} // namespace

namespace {

const std::set<std::string> k_not_types = {
    "return", "break",    "continue",  "goto",   "delete",   "typedef",  "using",
    "class",  "struct",   "enum",      "union",  "static",   "extern",   "else",
    "case",   "throw",    "namespace", "friend", "public",   "private",  "protected",
    "const",  "volatile", "do",        "new",    "template", "constexpr"};

/// For each line: whether it lies directly in code (a function body or block), not in a
/// namespace, class or extern "C" scope whose variables are zero-initialized or members.
std::vector<bool> code_scope(const std::vector<std::string>& lines) {
    enum Kind { code, other };
    std::vector<Kind> stack;
    std::vector<bool> in_code(lines.size(), false);
    std::string pending; // text since the last brace or semicolon (what opens the next brace)
    for (std::size_t i = 0; i < lines.size(); ++i) {
        in_code[i] = !stack.empty() && stack.back() == code;
        for (char c : lines[i]) {
            if (c == '{') {
                static const std::regex agg(R"(\b(struct|class|union|enum|namespace|extern)\b)");
                stack.push_back(std::regex_search(pending, agg) ? other : code);
                pending.clear();
            } else if (c == '}') {
                if (!stack.empty()) {
                    stack.pop_back();
                }
                pending.clear();
            } else if (c == ';') {
                pending.clear();
            } else {
                pending += c;
            }
        }
        pending += ' ';
    }
    return in_code;
}

/// Functions defined in the file that take every parameter by value: passing a variable to
/// them reads it.
std::set<std::string> by_value_functions(const std::vector<std::string>& lines) {
    static const std::regex header(
        R"(^(?:static\s+|inline\s+)*[A-Za-z_][\w:<>, ]*\s+([A-Za-z_]\w*)\s*\(([^()]*)\)\s*\{?\s*$)");
    std::set<std::string> out;
    for (const auto& l : lines) {
        std::smatch m;
        if (std::regex_match(l, m, header)) {
            std::string params = m[2].str();
            if (params.find_first_of("&*[") == std::string::npos) {
                out.insert(m[1].str());
            }
        }
    }
    return out;
}

/// Local declarations matching `decl` (group 1: type, 2: name) whose type is a type.
template <typename Fn>
void for_each_local(const std::vector<std::string>& lines, const std::regex& decl, Fn fn) {
    auto in_code = code_scope(lines);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::smatch m;
        if (!in_code[i] || !std::regex_match(lines[i], m, decl)) {
            continue;
        }
        std::string type = m[1].str();
        if (k_not_types.count(type.substr(0, type.find_first_of(" <:")))) {
            continue;
        }
        fn(i, m[2].str());
    }
}

/// Calls fn(line index, use) for each use of `var` after line `i` in its declaring scope,
/// until fn returns false.
template <typename Fn>
void for_each_use(const std::vector<std::string>& lines, const std::set<std::string>& by_value,
                  std::size_t i, const std::string& var, Fn fn) {
    long depth = 0;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
        const std::string& s = lines[j];
        std::size_t at = 0;
        for (Use u = first_use(s, var, 0, &at, &by_value); u != Use::none;
             u = first_use(s, var, at + 1, &at, &by_value)) {
            if (!fn(j, u)) {
                return;
            }
        }
        for (char c : s) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        if (depth < 0) {
            return; // the declaring scope ended
        }
    }
}

} // namespace

std::vector<UninitRead> reads_before_write(const SourceText& src) {
    static const std::regex decl(
        R"(^\s*((?:(?:unsigned|signed|long|short)\s+)*[A-Za-z_][\w:]*(?:\s*<[^;{}()=]*>)?)\s+([A-Za-z_]\w*)\s*((?:\[[^\]]*\])*)\s*;\s*$)");
    auto lines = code_lines(src);
    auto by_value = by_value_functions(lines);
    std::vector<UninitRead> out;
    for_each_local(lines, decl, [&](std::size_t i, const std::string& var) {
        // The first use decides.
        for_each_use(lines, by_value, i, var, [&](std::size_t j, Use u) {
            if (u == Use::read || u == Use::update) {
                out.push_back({static_cast<int>(i) + 1, static_cast<int>(j) + 1, var});
            }
            return false;
        });
    });
    return out;
}

std::vector<UninitRead> never_written(const SourceText& src) {
    static const std::regex decl(
        R"(^\s*((?:(?:unsigned|signed|long|short)\s+)*[A-Za-z_][\w:]*(?:\s*<[^;{}()=]*>)?)\s+([A-Za-z_]\w*)\s*=\s*-?(?:0[xX][0-9a-fA-F]+|\d+)[uUlL]*\s*;\s*$)");
    auto lines = code_lines(src);
    auto by_value = by_value_functions(lines);
    std::vector<UninitRead> out;
    for_each_local(lines, decl, [&](std::size_t i, const std::string& var) {
        int first_read = 0;
        bool changed = false;
        for_each_use(lines, by_value, i, var, [&](std::size_t j, Use u) {
            if (u != Use::read) {
                changed = true;
                return false;
            }
            if (!first_read) {
                first_read = static_cast<int>(j) + 1;
            }
            return true;
        });
        if (!changed && first_read) {
            out.push_back({static_cast<int>(i) + 1, first_read, var});
        }
    });
    return out;
}

} // namespace hlsv::assist::detail
