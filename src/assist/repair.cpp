// Generic repair operators over one source line (see repair.h).
#include "repair.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>
#include <set>

namespace hlsv::assist::detail {

namespace {

bool ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

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
        if (op_chars.find(before) != std::string::npos ||
            op_chars.find(after) != std::string::npos) {
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
        "ap_int",  "ap_uint", "ap_fixed",    "ap_ufixed",        "stream",   "vector", "array",
        "ap_axis", "ap_axiu", "static_cast", "reinterpret_cast", "template", "axis"};
    return templates.count(word) > 0;
}

std::string replace_at(const std::string& s, std::size_t pos, std::size_t len,
                       const std::string& with) {
    return s.substr(0, pos) + with + s.substr(pos + len);
}

void add(std::vector<Candidate>& out, std::set<std::string>& seen, int line, std::string text,
         const char* op, int span = 1, bool targeted = false) {
    std::string key = std::to_string(span) + "\n" + text;
    if (seen.insert(key).second) {
        out.push_back({line, span, std::move(text), op, targeted});
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
        if (!std::isdigit(static_cast<unsigned char>(s[i])) ||
            (i > 0 && (ident_char(s[i - 1]) || s[i - 1] == '.'))) {
            continue;
        }
        std::size_t j = i;
        bool hex = s.compare(i, 2, "0x") == 0 || s.compare(i, 2, "0X") == 0;
        if (hex) {
            j += 2;
        }
        while (j < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[j]))
                                    : std::isdigit(static_cast<unsigned char>(s[j])))) {
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
    {"_a", "_b"}, {"_0", "_1"},        {"ping", "pong"},  {"even", "odd"}, {"lo", "hi"},
    {"_A", "_B"}, {"first", "second"}, {"left", "right"}, {"in", "out"}};

/// Index of the ')' closing the '(' at `open`, or npos.
std::size_t closing_paren(const std::string& s, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < s.size(); ++i) {
        depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
        if (depth == 0) {
            return i;
        }
    }
    return std::string::npos;
}

std::string regex_escape(const std::string& s) {
    static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
    return std::regex_replace(s, special, R"(\$&)");
}

/// A loop whose update clause computes a value and drops it (`i + 1`): the loop never
/// advances. Candidates make the update take effect.
void loop_update(const std::string& s, int line, std::vector<Candidate>& out,
                 std::set<std::string>& seen) {
    static const std::regex for_kw(R"(\bfor\s*\()");
    std::smatch m;
    if (!std::regex_search(s, m, for_kw)) {
        return;
    }
    std::size_t open = static_cast<std::size_t>(m.position(0) + m.length(0)) - 1;
    std::size_t close = closing_paren(s, open);
    if (close == std::string::npos) {
        return;
    }
    std::vector<std::size_t> semis;
    int depth = 0;
    for (std::size_t i = open + 1; i < close; ++i) {
        depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
        if (s[i] == ';' && depth == 0) {
            semis.push_back(i);
        }
    }
    if (semis.size() != 2) {
        return;
    }
    std::string cond = s.substr(semis[0] + 1, semis[1] - semis[0] - 1);
    std::string upd(trim(s.substr(semis[1] + 1, close - semis[1] - 1)));
    if (upd.empty() || upd.find("++") != std::string::npos || upd.find("--") != std::string::npos ||
        upd.find('=') != std::string::npos || upd.find('(') != std::string::npos) {
        return;
    }
    std::size_t ub = s.find(upd, semis[1]);
    auto with = [&](const std::string& u) { return replace_at(s, ub, upd.size(), u); };
    static const std::regex binary(R"(^(\w+)\s*(\+|-|\*|/|<<|>>)\s*(.+)$)");
    static const std::regex ident(R"(^\w+$)");
    bool down = cond.find('>') != std::string::npos;
    std::vector<std::string> alts;
    if (std::regex_match(upd, m, binary)) {
        std::string v = m[1].str(), op = m[2].str(), rest(trim(m[3].str()));
        alts.push_back(v + " " + op + "= " + rest);
        if (rest == "1" && (op == "+" || op == "-")) {
            alts.push_back(v + (op == "+" ? "++" : "--"));
        }
    } else if (std::regex_match(upd, ident)) {
        alts.push_back(upd + (down ? "--" : "++"));
        alts.push_back(upd + (down ? "++" : "--"));
    }
    for (const auto& a : alts) {
        add(out, seen, line, with(a), "loop-update", 1, true);
    }
}

/// A shift by a literal past a 32-bit word (undefined for int operands). Candidates: the
/// shift amounts the file uses elsewhere, the amount modulo 32, then byte boundaries.
void oversized_shift(const SourceText& src, const std::string& s, int line,
                     std::vector<Candidate>& out, std::set<std::string>& seen) {
    static const std::regex shift_lit(R"((<<|>>)\s*(\d+)\b)");
    std::vector<long long> used;
    for (auto it = std::sregex_iterator(src.text().begin(), src.text().end(), shift_lit);
         it != std::sregex_iterator(); ++it) {
        long long v = std::stoll((*it)[2].str().substr(0, 9));
        if (v > 0 && v < 32 && std::find(used.begin(), used.end(), v) == used.end()) {
            used.push_back(v);
        }
    }
    for (auto it = std::sregex_iterator(s.begin(), s.end(), shift_lit);
         it != std::sregex_iterator(); ++it) {
        std::string digits = (*it)[2].str();
        long long v = digits.size() > 9 ? 1000 : std::stoll(digits);
        if (v < 32) {
            continue;
        }
        std::vector<long long> alts = used;
        for (long long a : {v % 32, 16LL, 8LL, 24LL}) {
            if (std::find(alts.begin(), alts.end(), a) == alts.end()) {
                alts.push_back(a);
            }
        }
        std::size_t pos = static_cast<std::size_t>(it->position(2));
        for (long long a : alts) {
            add(out, seen, line, replace_at(s, pos, digits.size(), std::to_string(a)),
                "shift-narrow", 1, true);
        }
    }
}

struct Subscript {
    std::size_t pos, len; ///< of the whole "[...]"
    std::string var;
    long offset;
};

/// Subscripts of the form [v] or [v + k] on a line.
std::vector<Subscript> offset_subscripts(const std::string& s) {
    static const std::regex sub(R"(\[\s*([A-Za-z_]\w*)\s*(?:\+\s*(\d+)\s*)?\])");
    std::vector<Subscript> out;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), sub); it != std::sregex_iterator();
         ++it) {
        out.push_back({static_cast<std::size_t>(it->position(0)),
                       static_cast<std::size_t>(it->length(0)), (*it)[1].str(),
                       (*it)[2].matched ? std::stol((*it)[2].str()) : 0});
    }
    return out;
}

/// The line with its subscripts over `var` shifted by `delta` (or, with `shape`, blanked).
std::string shift_subscripts(const std::string& s, const std::string& var, long delta,
                             bool shape = false) {
    std::string r = s;
    auto subs = offset_subscripts(s);
    for (auto it = subs.rbegin(); it != subs.rend(); ++it) {
        if (it->var != var) {
            continue;
        }
        long k = it->offset + delta;
        std::string with = shape    ? "[#]"
                           : k == 0 ? "[" + var + "]"
                                    : "[" + var + " + " + std::to_string(k) + "]";
        r = replace_at(r, it->pos, it->len, with);
    }
    return r;
}

/// A manually unrolled sequence with a gap: `line` ends a block whose copies index [v + k]
/// and the next line starts the copy for [v + k + 2]. The candidate inserts the missing copies.
void unroll_gap(const SourceText& src, int line, std::vector<Candidate>& out,
                std::set<std::string>& seen) {
    if (line >= static_cast<int>(src.line_count())) {
        return;
    }
    std::string next(src.line(line + 1));
    for (const auto& ns : offset_subscripts(next)) {
        if (ns.offset < 2) {
            continue;
        }
        std::string shape = shift_subscripts(next, ns.var, 0, true);
        for (int p = line; p >= std::max(1, line - 8); --p) {
            std::string cand(src.line(p));
            if (shift_subscripts(cand, ns.var, 0, true) != shape) {
                continue;
            }
            long k = -1;
            for (const auto& cs : offset_subscripts(cand)) {
                if (cs.var == ns.var) {
                    k = cs.offset;
                    break;
                }
            }
            if (k < 0 || k >= ns.offset - 1) {
                break;
            }
            std::string text(src.line(line));
            for (long j = k + 1; j < ns.offset; ++j) {
                for (int q = p; q <= line; ++q) {
                    text += '\n';
                    text += shift_subscripts(std::string(src.line(q)), ns.var, j - k);
                }
            }
            add(out, seen, line, text, "unroll-gap", 1, true);
            return;
        }
    }
}

/// A double-buffer index flipped on one access (`buf[1 - cur]` where the neighbours use
/// `buf[cur]`).
void pingpong(const SourceText& src, const std::string& s, int line, std::vector<Candidate>& out,
              std::set<std::string>& seen) {
    static const std::regex flipped(
        R"((\w+)\s*\[\s*(?:1\s*-\s*(\w+)|!\s*(\w+)|(\w+)\s*\^\s*1)\s*\])");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), flipped); it != std::sregex_iterator();
         ++it) {
        const auto& m = *it;
        std::string arr = m[1].str();
        std::string sel = m[2].matched ? m[2].str() : m[3].matched ? m[3].str() : m[4].str();
        std::regex plain("\\b" + regex_escape(arr) + "\\s*\\[\\s*" + regex_escape(sel) + "\\s*\\]");
        bool siblings = false;
        for (int l = std::max(1, line - 10);
             l <= std::min<int>(static_cast<int>(src.line_count()), line + 10); ++l) {
            std::string o(src.line(l));
            siblings = siblings || (l != line && std::regex_search(o, plain));
        }
        add(out, seen, line,
            replace_at(s, static_cast<std::size_t>(m.position(0)),
                       static_cast<std::size_t>(m.length(0)), arr + "[" + sel + "]"),
            "pingpong-flip", 1, siblings);
    }
}

/// `text` with each `from` at an identifier or '_' boundary replaced by `to`.
std::string swap_part(const std::string& text, const std::string& from, const std::string& to) {
    std::string r = text;
    std::size_t p = r.find(from);
    while (p != std::string::npos) {
        std::size_t e = p + from.size();
        bool left_ok = from[0] == '_' || p == 0 || !ident_char(r[p - 1]) || r[p - 1] == '_';
        bool right_ok = e >= r.size() || !ident_char(r[e]) || r[e] == '_';
        if (left_ok && right_ok) {
            r = replace_at(r, p, from.size(), to);
            p = r.find(from, p + to.size());
        } else {
            p = r.find(from, p + 1);
        }
    }
    return r;
}

/// Initializers for a declaration whose variable is read before it is written: what the
/// function assigns to it elsewhere, a same-typed value in scope (an element of a same-typed
/// array at the enclosing loop's index, a same-typed parameter), then (`constants`) 0 and 1.
void missing_initializer(const SourceText& src, int line, std::vector<Candidate>& out,
                         std::set<std::string>& seen, bool constants = true) {
    static const std::regex decl(
        R"(^(\s*((?:(?:unsigned|signed|long|short)\s+)*[A-Za-z_][\w:]*(?:\s*<[^;{}()=]*>)?)\s+([A-Za-z_]\w*))\s*((?:\[[^\]]*\])*)\s*(?:=[^;]*)?;\s*(//.*)?$)");
    std::string s(src.line(line));
    std::smatch m;
    if (!std::regex_match(s, m, decl)) {
        return;
    }
    std::string head = m[1].str(), type(trim(m[2].str())), var = m[3].str();
    if (m[4].length() > 0) {
        add(out, seen, line, s.substr(0, s.rfind(';')) + " = {0};", "add-init", 1, true);
        return;
    }
    std::vector<std::string> inits;
    auto push = [&inits](std::string e) {
        e = std::string(trim(e));
        if (!e.empty() && std::find(inits.begin(), inits.end(), e) == inits.end()) {
            inits.push_back(e);
        }
    };
    // What the function assigns elsewhere, nearest first.
    std::regex assign("(?:^|[^\\w.>])" + regex_escape(var) + "\\s*=\\s*([^=;][^;]*);");
    std::vector<std::pair<int, std::string>> found;
    for (int l = 1; l <= static_cast<int>(src.line_count()); ++l) {
        std::string o(src.line(l));
        std::string ot(trim(o));
        if (l == line || ot.rfind("//", 0) == 0 || ot.rfind("#", 0) == 0) {
            continue;
        }
        if (std::regex_search(o, m, assign)) {
            found.emplace_back(std::abs(l - line), m[1].str());
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < found.size() && i < 3; ++i) {
        push(found[i].second);
    }
    // Same-typed values in scope.
    std::string loop_var;
    static const std::regex for_var(R"(\bfor\s*\(\s*(?:[\w:<>]+\s+)?(\w+)\s*=)");
    for (int l = line - 1; l >= 1 && loop_var.empty(); --l) {
        std::string o(src.line(l));
        if (std::regex_search(o, m, for_var)) {
            loop_var = m[1].str();
        }
    }
    const std::string& text = src.text();
    std::regex arrays("\\b" + regex_escape(type) + "\\s+(\\w+)\\s*\\[[^\\]]*\\]\\s*(?!\\[)");
    std::regex scalars("\\b" + regex_escape(type) + "\\s*&?\\s+(\\w+)\\s*[,)]");
    if (!loop_var.empty()) {
        for (auto it = std::sregex_iterator(text.begin(), text.end(), arrays);
             it != std::sregex_iterator(); ++it) {
            push((*it)[1].str() + "[" + loop_var + "]");
        }
    }
    for (auto it = std::sregex_iterator(text.begin(), text.end(), scalars);
         it != std::sregex_iterator(); ++it) {
        if ((*it)[1].str() != var) {
            push((*it)[1].str());
        }
    }
    if (constants) {
        push("0");
        push("1");
    }
    for (const auto& e : inits) {
        add(out, seen, line, head + " = " + e + ";", constants ? "add-init" : "restore-value", 1,
            true);
    }
}

/// Initializers for a variable that never gets its value: same as missing_initializer's
/// same-typed values, plus the analogue of a neighbouring declaration of the paired name
/// (`ylo` beside `yhi = f(hi)` gives `f(lo)`).
void lost_value(const SourceText& src, int line, std::vector<Candidate>& out,
                std::set<std::string>& seen) {
    static const std::regex decl(
        R"(^(\s*((?:(?:unsigned|signed|long|short)\s+)*[A-Za-z_][\w:]*(?:\s*<[^;{}()=]*>)?)\s+([A-Za-z_]\w*))\s*=\s*([^;]+);\s*$)");
    std::string s(src.line(line));
    std::smatch m;
    if (!std::regex_match(s, m, decl)) {
        return;
    }
    std::string head = m[1].str(), type(trim(m[2].str())), var = m[3].str();
    for (int l : {line + 1, line - 1}) {
        if (l < 1 || l > static_cast<int>(src.line_count())) {
            continue;
        }
        std::string o(src.line(l));
        std::smatch n;
        if (!std::regex_match(o, n, decl) || std::string(trim(n[2].str())) != type) {
            continue;
        }
        std::string other = n[3].str(), rhs = n[4].str();
        for (const auto& [a, b] : k_pairs) {
            for (int dir = 0; dir < 2; ++dir) {
                const std::string& mine = dir ? b : a;
                const std::string& theirs = dir ? a : b;
                if (swap_part(var, mine, theirs) == other && other != var) {
                    add(out, seen, line, head + " = " + swap_part(rhs, theirs, mine) + ";",
                        "restore-value", 1, true);
                }
            }
        }
    }
    missing_initializer(src, line, out, seen, false);
}

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

    // Anomaly-triggered operators first (see Candidate::targeted).
    loop_update(s, line, out, seen);
    oversized_shift(src, s, line, out, seen);
    unroll_gap(src, line, out, seen);
    pingpong(src, s, line, out, seen);
    for (const auto& u : reads_before_write(src)) {
        if (u.decl_line == line) {
            missing_initializer(src, line, out, seen);
            break;
        }
    }
    for (const auto& u : never_written(src)) {
        if (u.decl_line == line) {
            lost_value(src, line, out, seen);
            break;
        }
    }
    std::stable_partition(out.begin(), out.end(), [](const Candidate& c) { return c.targeted; });

    // Relational operators: the off-by-one and inverted-condition slips.
    const std::vector<std::pair<std::string, std::vector<std::string>>> rel = {
        {"<=", {"<"}}, {">=", {">"}},  {"<", {"<="}},
        {">", {">="}}, {"==", {"!="}}, {"!=", {"<", "=="}}};
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
        add(out, seen, line, replace_at(s, lit.pos, lit.len, std::to_string(lit.value + 1)),
            "const-inc");
        std::size_t before = s.find_last_not_of(' ', lit.pos == 0 ? 0 : lit.pos - 1);
        bool width_one = lit.value == 1 && lit.pos > 0 && before != std::string::npos &&
                         s[before] == '<' && is_template_angle(s, before);
        if (lit.value > 0 && !width_one) { // ap_int<0> does not exist
            add(out, seen, line, replace_at(s, lit.pos, lit.len, std::to_string(lit.value - 1)),
                "const-dec");
        }
        if (lit.value == 0) {
            add(out, seen, line, replace_at(s, lit.pos, lit.len, "1"), "const-nonzero");
            add(out, seen, line, replace_at(s, lit.pos, lit.len, "-1"), "const-nonzero");
        } else {
            for (int w : {8, 16, 32, 64}) {
                if (lit.value >= w && lit.value < 2 * w) {
                    add(out, seen, line,
                        replace_at(s, lit.pos, lit.len, std::to_string(lit.value - w)),
                        "shift-width");
                }
            }
        }
    }
    // Arithmetic and shift operators.
    const std::vector<std::pair<std::string, std::string>> arith = {
        {"+", "-"},   {"-", "+"},   {"<<", ">>"}, {">>", "<<"}, {"+=", "-="}, {"-=", "+="},
        {"++", "--"}, {"--", "++"}, {"&", "|"},   {"|", "^"},   {"^", "|"},   {"*", "+"}};
    for (const auto& [op, alt] : arith) {
        for (auto pos : operator_positions(s, op)) {
            if (op == "*" && (pos == 0 || !std::isalnum(static_cast<unsigned char>(s[pos - 1]))) &&
                (pos == 0 || s[pos - 1] != ' ' || pos + 1 >= s.size() || s[pos + 1] != ' ')) {
                continue; // a dereference or pointer declarator, not a product
            }
            add(out, seen, line, replace_at(s, pos, op.size(), alt), "arith-swap");
        }
    }
    // A declaration that lost its initializer (scalar or array).
    static const std::regex decl(
        R"(^(\s*(?:static\s+)?(?:const\s+)?[A-Za-z_][\w:<>, ]*?\s+[A-Za-z_]\w*)\s*(\[[^\]]*\])*\s*;\s*(//.*)?$)");
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
        {"ap_int<", "ap_uint<"},          {"ap_uint<", "ap_int<"},     {"(int)", "(unsigned)"},
        {"signed char", "unsigned char"}, {"short", "unsigned short"}, {"int8_t", "uint8_t"},
        {"int16_t", "uint16_t"},          {"int32_t", "uint32_t"},     {"uint32_t", "int32_t"}};
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
    // Deleting a declaration only breaks the build where the variable is used.
    static const std::regex declaration(
        R"(^\s*(?:(?:const|static|unsigned|signed|long|short)\s+)*[A-Za-z_][\w:]*(?:\s*<[^;=]*>)?\s+[A-Za-z_]\w*\s*(?:\[[^\]]*\]\s*)*=.*)");
    if (t.back() == ';' && t.find('=') != std::string::npos && t.rfind("return", 0) != 0 &&
        !std::regex_match(s, declaration)) {
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
