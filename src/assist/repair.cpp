// Generic repair operators over one source line (see repair.h).
#include "repair.h"

#include <cctype>
#include <regex>
#include <set>

namespace hlsv::assist::detail {

namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// Offsets of `op` in `s` that are whole operators (not part of a longer one) and outside
/// string literals and comments.
std::vector<std::size_t> operator_positions(const std::string& s, const std::string& op) {
    std::vector<std::size_t> out;
    bool in_str = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '"' && (i == 0 || s[i - 1] != '\\')) {
            in_str = !in_str;
        }
        if (in_str) {
            continue;
        }
        if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
            break;
        }
        if (s.compare(i, op.size(), op) != 0) {
            continue;
        }
        static const std::string op_chars = "<>=!+-*/&|^%";
        char before = i > 0 ? s[i - 1] : ' ';
        char after = i + op.size() < s.size() ? s[i + op.size()] : ' ';
        if (op_chars.find(before) != std::string::npos || op_chars.find(after) != std::string::npos) {
            continue;
        }
        out.push_back(i);
    }
    return out;
}

/// True when the '<' at `pos` opens a template argument list (ap_int<16>, stream<T>).
bool is_template_angle(const std::string& s, std::size_t pos) {
    std::size_t j = pos;
    while (j > 0 && s[j - 1] == ' ') {
        --j;
    }
    std::size_t e = j;
    while (j > 0 && ident_char(s[j - 1])) {
        --j;
    }
    std::string word = s.substr(j, e - j);
    static const std::set<std::string> templates = {
        "ap_int", "ap_uint", "ap_fixed", "ap_ufixed", "stream", "vector", "array",
        "ap_axis", "ap_axiu", "static_cast", "reinterpret_cast", "template", "axis"};
    return templates.count(word) > 0;
}

std::string replace_at(const std::string& s, std::size_t pos, std::size_t len, const std::string& with) {
    return s.substr(0, pos) + with + s.substr(pos + len);
}

void add(std::vector<Candidate>& out, std::set<std::string>& seen, int line, std::string text,
         const char* op, int span = 1) {
    std::string key = std::to_string(span) + "\n" + text;
    if (seen.insert(key).second) {
        out.push_back({line, span, std::move(text), op});
    }
}

struct Literal {
    std::size_t pos, len;
    long long value;
};

std::vector<Literal> int_literals(const std::string& s) {
    std::vector<Literal> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '/') {
            break;
        }
        if (!std::isdigit(static_cast<unsigned char>(s[i])) || (i > 0 && (ident_char(s[i - 1]) || s[i - 1] == '.'))) {
            continue;
        }
        std::size_t j = i;
        bool hex = s.compare(i, 2, "0x") == 0 || s.compare(i, 2, "0X") == 0;
        if (hex) {
            j += 2;
        }
        while (j < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[j])) : std::isdigit(static_cast<unsigned char>(s[j])))) {
            ++j;
        }
        if (j < s.size() && (s[j] == '.' || s[j] == 'e' || s[j] == 'f')) {
            i = j;
            continue; // floating point
        }
        std::size_t digits_end = j;
        while (j < s.size() && (s[j] == 'u' || s[j] == 'U' || s[j] == 'l' || s[j] == 'L')) {
            ++j;
        }
        try {
            long long v = std::stoll(s.substr(i, digits_end - i), nullptr, hex ? 16 : 10);
            out.push_back({i, digits_end - i, v});
        } catch (const std::exception&) {
        }
        i = j;
    }
    return out;
}

const std::vector<std::pair<std::string, std::string>> k_pairs = {
    {"_a", "_b"}, {"_0", "_1"}, {"ping", "pong"}, {"even", "odd"}, {"lo", "hi"},
    {"_A", "_B"}, {"first", "second"}, {"left", "right"}, {"in", "out"}};

} // namespace

std::vector<Candidate> repair_candidates(const SourceText& src, int line) {
    std::vector<Candidate> out;
    std::set<std::string> seen;
    std::string s(src.line(line));
    std::string t(trim(s));
    if (t.empty() || t[0] == '#' || t.rfind("//", 0) == 0) {
        return out;
    }
    seen.insert("1\n" + s);

    // Relational operators: the off-by-one and inverted-condition slips.
    const std::vector<std::pair<std::string, std::vector<std::string>>> rel = {
        {"<=", {"<"}}, {">=", {">"}}, {"<", {"<="}}, {">", {">="}},
        {"==", {"!="}}, {"!=", {"<", "=="}}};
    for (const auto& [op, alts] : rel) {
        for (auto pos : operator_positions(s, op)) {
            if (op == "<" && is_template_angle(s, pos)) {
                continue;
            }
            if (op == ">" && s.find('<') != std::string::npos && s.find('<') < pos &&
                is_template_angle(s, s.rfind('<', pos))) {
                continue;
            }
            for (const auto& a : alts) {
                add(out, seen, line, replace_at(s, pos, op.size(), a), "rel-swap");
            }
        }
    }
    // Integer constants: off by one, and zero <-> non-zero.
    for (const auto& lit : int_literals(s)) {
        if (t.rfind("#", 0) == 0) {
            break;
        }
        add(out, seen, line, replace_at(s, lit.pos, lit.len, std::to_string(lit.value + 1)), "const-inc");
        if (lit.value > 0) {
            add(out, seen, line, replace_at(s, lit.pos, lit.len, std::to_string(lit.value - 1)), "const-dec");
        }
        if (lit.value == 0) {
            add(out, seen, line, replace_at(s, lit.pos, lit.len, "1"), "const-nonzero");
            add(out, seen, line, replace_at(s, lit.pos, lit.len, "-1"), "const-nonzero");
        } else {
            for (int w : {8, 16, 32, 64}) {
                if (lit.value >= w && lit.value < 2 * w) {
                    add(out, seen, line, replace_at(s, lit.pos, lit.len, std::to_string(lit.value - w)), "shift-width");
                }
            }
        }
    }
    // Arithmetic and shift operators.
    const std::vector<std::pair<std::string, std::string>> arith = {
        {"+", "-"}, {"-", "+"}, {"<<", ">>"}, {">>", "<<"}, {"+=", "-="}, {"-=", "+="},
        {"++", "--"}, {"--", "++"}, {"&", "|"}, {"|", "^"}, {"^", "|"}, {"*", "+"}};
    for (const auto& [op, alt] : arith) {
        for (auto pos : operator_positions(s, op)) {
            if (op == "*" && (pos == 0 || !std::isalnum(static_cast<unsigned char>(s[pos - 1])) ) &&
                (pos == 0 || s[pos - 1] != ' ' || pos + 1 >= s.size() || s[pos + 1] != ' ')) {
                continue; // a dereference or pointer declarator, not a product
            }
            add(out, seen, line, replace_at(s, pos, op.size(), alt), "arith-swap");
        }
    }
    // A declaration that lost its initializer (scalar or array).
    static const std::regex decl(R"(^(\s*(?:static\s+)?(?:const\s+)?[A-Za-z_][\w:<>, ]*?\s+[A-Za-z_]\w*)\s*(\[[^\]]*\])*\s*;\s*(//.*)?$)");
    std::smatch m;
    if (std::regex_match(s, m, decl) && t.rfind("return", 0) != 0) {
        std::string head = s.substr(0, s.rfind(';'));
        bool array = head.find('[') != std::string::npos;
        add(out, seen, line, head + (array ? " = {0};" : " = 0;"), "add-init");
    }
    // Swapped halves of split buffers, and inverted selectors.
    for (const auto& [a, b] : k_pairs) {
        for (int dir = 0; dir < 2; ++dir) {
            const std::string& from = dir ? b : a;
            const std::string& to = dir ? a : b;
            for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1)) {
                bool left_ok = from[0] == '_' || p == 0 || !ident_char(s[p - 1]) || s[p - 1] == '_';
                std::size_t e = p + from.size();
                bool right_ok = e >= s.size() || !ident_char(s[e]) || s[e] == '_';
                if (left_ok && right_ok) {
                    add(out, seen, line, replace_at(s, p, from.size(), to), "buffer-swap");
                }
            }
        }
    }
    for (std::size_t p = s.find('!'); p != std::string::npos; p = s.find('!', p + 1)) {
        if (p + 1 < s.size() && ident_char(s[p + 1])) {
            add(out, seen, line, replace_at(s, p, 1, ""), "negation-drop");
        }
    }
    // Signedness: narrow signed values that should have been unsigned, and back.
    const std::vector<std::pair<std::string, std::string>> sign = {
        {"ap_int<", "ap_uint<"}, {"ap_uint<", "ap_int<"}, {"(int)", "(unsigned)"},
        {"signed char", "unsigned char"}, {"short", "unsigned short"}, {"int8_t", "uint8_t"},
        {"int16_t", "uint16_t"}, {"int32_t", "uint32_t"}, {"uint32_t", "int32_t"}};
    for (const auto& [a, b] : sign) {
        for (std::size_t p = s.find(a); p != std::string::npos; p = s.find(a, p + 1)) {
            if (p > 0 && ident_char(s[p - 1]) && a[0] != '(') {
                continue;
            }
            add(out, seen, line, replace_at(s, p, a.size(), b), "sign-swap");
        }
    }
    // Operator precedence: (*p)++ and a parenthesized shift.
    static const std::regex deref_inc(R"(\*(\w+)\+\+)");
    if (std::regex_search(s, m, deref_inc)) {
        add(out, seen, line, std::regex_replace(s, deref_inc, "(*$1)++"), "precedence");
    }
    // Statement-level: a missing unrolled copy, a moved statement, an extra statement.
    static const std::regex unrolled(R"(\+\s*(\d+)\s*\])");
    if (std::regex_search(s, m, unrolled) && t.back() == ';') {
        int k = std::stoi(m[1].str());
        std::string next = std::regex_replace(s, unrolled, "+ " + std::to_string(k + 1) + "]");
        add(out, seen, line, s + "\n" + next, "clone-unrolled");
    }
    if (t.back() == ';' && static_cast<std::size_t>(line) < src.line_count()) {
        std::string n(src.line(line + 1));
        std::string nt(trim(n));
        if (!nt.empty() && nt.back() == ';') {
            add(out, seen, line, n + "\n" + s, "swap-next", 2);
        }
    }
    if (t.back() == ';' && t.find('=') != std::string::npos && t.rfind("return", 0) != 0) {
        add(out, seen, line, "", "delete-statement");
    }
    return out;
}

std::string apply_candidate(const SourceText& src, const Candidate& c) {
    const std::string& text = src.text();
    std::size_t b = src.line_start(c.line);
    std::size_t e = src.line_start(c.line + c.span);
    bool last_has_newline = e > b && e <= text.size() && text[e - 1] == '\n';
    if (static_cast<std::size_t>(c.line + c.span - 1) >= src.line_count()) {
        e = text.size();
        last_has_newline = !text.empty() && text.back() == '\n';
    }
    std::string repl = c.replacement;
    if (!repl.empty() && last_has_newline) {
        repl += '\n';
    }
    return text.substr(0, b) + repl + text.substr(e);
}

} // namespace hlsv::assist::detail
