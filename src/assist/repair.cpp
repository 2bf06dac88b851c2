// Generic repair operators over one source line (see repair.h).
#include "repair.h"

#include "text_scan.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace hlsv::assist::detail {

namespace {

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
    std::string word = word_before(s, pos);
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

/// The pieces of a `for (init; cond; step)` header on one line, or nullopt.
struct ForHeader {
    std::size_t cond_b = 0, cond_e = 0, step_b = 0, step_e = 0;
    std::string var, cond, step;
};

std::optional<ForHeader> for_header(const std::string& s) {
    static const std::regex for_kw(R"(\bfor\s*\()");
    std::smatch m;
    if (!std::regex_search(s, m, for_kw)) {
        return std::nullopt;
    }
    std::size_t open = static_cast<std::size_t>(m.position(0) + m.length(0)) - 1;
    std::size_t close = closing_paren(s, open);
    if (close == std::string::npos) {
        return std::nullopt;
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
        return std::nullopt;
    }
    ForHeader h;
    h.cond_b = semis[0] + 1;
    h.cond_e = semis[1];
    h.step_b = semis[1] + 1;
    h.step_e = close;
    h.cond = std::string(trim(s.substr(h.cond_b, h.cond_e - h.cond_b)));
    h.step = std::string(trim(s.substr(h.step_b, h.step_e - h.step_b)));
    static const std::regex init_var(R"(^\s*(?:[A-Za-z_][\w:<>]*\s+)*([A-Za-z_]\w*)\s*=)");
    static const std::regex step_var(R"(^(?:\+\+|--)?\s*([A-Za-z_]\w*))");
    std::string init = s.substr(open + 1, semis[0] - open - 1);
    if (std::regex_search(init, m, init_var)) {
        h.var = m[1].str();
    } else if (std::regex_search(h.step, m, step_var)) {
        h.var = m[1].str();
    }
    return h;
}

/// +1 when a loop step moves its variable up, -1 down, 0 unknown.
int step_direction(const std::string& step) {
    if (step.find("++") != std::string::npos || step.find("+=") != std::string::npos) {
        return 1;
    }
    if (step.find("--") != std::string::npos || step.find("-=") != std::string::npos) {
        return -1;
    }
    return 0;
}

/// +1 when `cond` bounds `var` from above (`var < n`, `n > var`), -1 from below, 0 unknown.
int bound_direction(const std::string& cond, const std::string& var) {
    static const std::regex lhs(R"(^\s*([A-Za-z_]\w*)\s*(<=|>=|<|>)[^<>=])");
    std::smatch m;
    std::string c = cond + " ";
    if (!std::regex_search(c, m, lhs)) {
        return 0;
    }
    bool up = m[2].str()[0] == '<';
    return m[1].str() == var ? (up ? 1 : -1) : 0;
}

/// `text` with the identifier `from` replaced by `to` wherever it is a whole word.
std::string replace_word(const std::string& text, const std::string& from, const std::string& to) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t p = text.find(from, i);
        if (p == std::string::npos) {
            break;
        }
        std::size_t e = p + from.size();
        bool whole =
            (p == 0 || !ident_char(text[p - 1])) && (e >= text.size() || !ident_char(text[e]));
        out += text.substr(i, p - i) + (whole ? to : from);
        i = e;
    }
    return out + text.substr(i);
}

/// Loop headers that cannot be right as written: a missing condition (the loop only ends by a
/// break, if at all) gets the conditions of the file's other loops over the same variable, then
/// those of sibling loops with the variable renamed, in the step's direction, nearest first; a
/// step that moves away from the bound gets the step reversed or the comparison turned.
void loop_header(const SourceText& src, const std::string& s, int line, std::vector<Candidate>& out,
                 std::set<std::string>& seen) {
    auto h = for_header(s);
    if (!h || h->var.empty()) {
        return;
    }
    int dir = step_direction(h->step);
    if (h->cond.empty() && s.find("break") == std::string::npos) {
        std::vector<std::pair<int, std::string>> conds; // (rank, condition)
        for (int l = 1; l <= static_cast<int>(src.line_count()); ++l) {
            if (l == line) {
                continue;
            }
            auto o = for_header(std::string(src.line(l)));
            if (!o || o->cond.empty() || o->var.empty()) {
                continue;
            }
            int odir = step_direction(o->step);
            if (dir != 0 && odir != 0 && odir != dir) {
                continue;
            }
            std::string c = o->var == h->var ? o->cond : replace_word(o->cond, o->var, h->var);
            if (c.find(h->var) == std::string::npos) {
                continue;
            }
            int rank = (o->var == h->var ? 0 : 100000) + std::abs(l - line);
            conds.emplace_back(rank, c);
        }
        std::stable_sort(conds.begin(), conds.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        int n = 0;
        for (const auto& [rank, c] : conds) {
            if (n++ >= 8) {
                break;
            }
            std::string fixed = s.substr(0, h->cond_b) + " " + c + s.substr(h->cond_e);
            add(out, seen, line, fixed, "restore-cond", 1, true);
        }
        return;
    }
    int bound = bound_direction(h->cond, h->var);
    if (dir != 0 && bound != 0 && dir != bound) {
        // The step runs away from the bound: reverse the step, or turn the comparison.
        std::string step = h->step;
        for (auto [a, b] : {std::pair{"++", "--"}, {"--", "++"}, {"+=", "-="}, {"-=", "+="}}) {
            if (auto p = step.find(a); p != std::string::npos) {
                step = replace_at(step, p, 2, b);
                break;
            }
        }
        std::size_t sp = s.find(h->step, h->step_b);
        if (sp != std::string::npos) {
            add(out, seen, line, replace_at(s, sp, h->step.size(), step), "update-direction", 1,
                true);
        }
        std::string cond = h->cond;
        for (auto [a, b] : {std::pair{"<=", ">="}, {">=", "<="}, {"<", ">"}, {">", "<"}}) {
            if (auto p = cond.find(a); p != std::string::npos) {
                cond = replace_at(cond, p, std::string(a).size(), b);
                break;
            }
        }
        std::size_t cp = s.find(h->cond, h->cond_b);
        if (cp != std::string::npos) {
            add(out, seen, line, replace_at(s, cp, h->cond.size(), cond), "compare-direction", 1,
                true);
        }
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
        for (long long a : {v % 32, 1LL, 16LL, 8LL, 24LL}) {
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
        if (part_at_boundary(r, p, from)) {
            r = replace_at(r, p, from.size(), to);
            p = r.find(from, p + to.size());
        } else {
            p = r.find(from, p + 1);
        }
    }
    return r;
}

/// The analogue of a neighbouring declaration of the paired name (`ylo` beside
/// `yhi = f(hi)` gives `f(lo)`).
void paired_neighbour(const SourceText& src, int line, const std::string& head,
                      const std::string& type, const std::string& var, const char* op,
                      std::vector<Candidate>& out, std::set<std::string>& seen) {
    static const std::regex decl(
        R"(^(\s*((?:(?:unsigned|signed|long|short)\s+)*[A-Za-z_][\w:]*(?:\s*<[^;{}()=]*>)?)\s+([A-Za-z_]\w*))\s*=\s*([^;]+);\s*$)");
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
                bool glued = var.size() > mine.size() &&
                             var.compare(var.size() - mine.size(), mine.size(), mine) == 0 &&
                             var.substr(0, var.size() - mine.size()) + theirs == other;
                if ((swap_part(var, mine, theirs) == other || glued) && other != var) {
                    add(out, seen, line, head + " = " + swap_part(rhs, theirs, mine) + ";", op, 1,
                        true);
                }
            }
        }
    }
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
    if (constants) { // a lost value goes through lost_value's own pairing
        paired_neighbour(src, line, head, type, var, "add-init", out, seen);
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
    // The enclosing function's scalar parameters, whatever their type (a typedef we cannot
    // see), and for a value lost inside loops, the enclosing loop indices combined.
    static const std::regex header(
        R"(^[A-Za-z_][\w:<>, ]*\s+[\w:]+\s*\(([^()]*)\)\s*(const\s*)?\{?\s*$)");
    std::vector<std::string> loop_vars;
    for (int l = line - 1; l >= 1; --l) {
        std::string o(src.line(l));
        if (std::regex_search(o, m, for_var) && loop_vars.size() < 2) {
            loop_vars.push_back(m[1].str());
        }
        if (std::regex_match(o, m, header)) {
            std::string params = m[1].str();
            std::size_t b = 0;
            while (b <= params.size()) {
                std::size_t e = params.find(',', b);
                std::string p(trim(params.substr(b, e == std::string::npos ? e : e - b)));
                static const std::regex last_id(R"(([A-Za-z_]\w*)\s*$)");
                std::smatch pm;
                if (p.find('[') == std::string::npos && p.find('*') == std::string::npos &&
                    p.find("stream") == std::string::npos && std::regex_search(p, pm, last_id) &&
                    pm[1].str() != var && p.find(' ') != std::string::npos) {
                    push(pm[1].str());
                }
                if (e == std::string::npos) {
                    break;
                }
                b = e + 1;
            }
            break;
        }
    }
    if (loop_vars.size() == 2) {
        // A same-typed array flattened row-major (`[H * W]`) at the loop nest's position.
        std::regex flat("\\b" + regex_escape(type) +
                        "\\s+(\\w+)\\s*\\[\\s*\\w+\\s*\\*\\s*(\\w+)\\s*\\]");
        for (auto it = std::sregex_iterator(text.begin(), text.end(), flat);
             it != std::sregex_iterator(); ++it) {
            push((*it)[1].str() + "[" + loop_vars[1] + " * " + (*it)[2].str() + " + " +
                 loop_vars[0] + "]");
        }
        for (const char* op : {" ^ ", " + ", " - ", " | "}) {
            push(loop_vars[1] + op + loop_vars[0]);
        }
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
    paired_neighbour(src, line, head, type, var, "restore-value", out, seen);
    missing_initializer(src, line, out, seen, false);
}

// ---------------------------------------------------------------------------------------------
// Sequences of statements that differ only in integer constants (manual unrolling by hand).
// ---------------------------------------------------------------------------------------------

/// The line with its integer literals blanked: two lines of one sequence share it.
std::string literal_shape(const std::string& s) {
    std::string r = s;
    auto lits = int_literals(s);
    for (auto it = lits.rbegin(); it != lits.rend(); ++it) {
        r = replace_at(r, it->pos, it->len, "#");
    }
    return r;
}

std::vector<long long> literal_values(const std::string& s) {
    std::vector<long long> v;
    for (const auto& l : int_literals(s)) {
        v.push_back(l.value);
    }
    return v;
}

std::string with_values(const std::string& s, const std::vector<long long>& values) {
    std::string r = s;
    auto lits = int_literals(s);
    for (std::size_t i = lits.size(); i-- > 0;) {
        if (values[i] != lits[i].value) { // unchanged literals keep their spelling (0xFF, 8u)
            r = replace_at(r, lits[i].pos, lits[i].len, std::to_string(values[i]));
        }
    }
    return r;
}

/// Offset of the assignment '=' of a statement (not ==, <=, >=, !=), or npos.
std::size_t assignment_pos(const std::string& s) {
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        depth += (c == '(' || c == '[') ? 1 : (c == ')' || c == ']') ? -1 : 0;
        if (c != '=' || depth != 0) {
            continue;
        }
        char before = i > 0 ? s[i - 1] : ' ';
        char after = i + 1 < s.size() ? s[i + 1] : ' ';
        if (after == '=' || before == '=' || before == '!' ||
            ((before == '<' || before == '>') && !(i > 1 && s[i - 2] == before))) {
            ++i;
            continue;
        }
        return i;
    }
    return std::string::npos;
}

bool plain_statement(const std::string& s) {
    std::string t(trim(s));
    static const std::regex control(R"(^(for|while|if|else|return|case|do)\b)");
    return !t.empty() && t.back() == ';' && !std::regex_search(t, control);
}

/// Per-literal progression of a sequence: arithmetic (step) or geometric (ratio).
struct Progression {
    bool geometric = false;
    long long step = 0;
    long long ratio = 0; ///< also fits geometrically with this ratio (0: no)
    std::vector<long long> start;
    long long at(std::size_t j, long k) const {
        long long v = start[j];
        for (long i = 0; i < k; ++i) {
            v = geometric ? v * step : v + step;
        }
        return v;
    }
};

/// Fits each literal position over the consecutive pairs of `seq` (gapless runs).
std::optional<std::vector<Progression>>
fit(const std::vector<std::vector<std::vector<long long>>>& runs, std::size_t n) {
    std::vector<Progression> out(n);
    for (std::size_t j = 0; j < n; ++j) {
        std::optional<long long> d, r;
        bool arith = true, geo = true, any = false;
        for (const auto& run : runs) {
            for (std::size_t i = 1; i < run.size(); ++i) {
                any = true;
                long long a = run[i - 1][j], b = run[i][j];
                if (!d) {
                    d = b - a;
                }
                arith = arith && *d == b - a;
                if (a == 0 || b % a != 0) {
                    geo = false;
                } else {
                    if (!r) {
                        r = b / a;
                    }
                    geo = geo && *r == b / a && *r > 1;
                }
            }
        }
        if (!any) {
            return std::nullopt;
        }
        if (geo && r) {
            out[j].ratio = *r; // an alternative when a single pair fits both
        }
        if (arith) {
            out[j].step = *d;
        } else if (geo) {
            out[j].geometric = true;
            out[j].step = *r;
        } else {
            return std::nullopt;
        }
    }
    return out;
}

/// A sequence of statements over constant indices with a member missing between `line` and
/// the next line (`out[0]`, `out[1]`, `out[3]`; `f(a[0], 1)`, `f(a[2], 4)`, `f(a[3], 8)`):
/// the candidate inserts the missing members after `line`. At the end of a sequence of at
/// least two, a further member is proposed as a blind edit.
void constant_gap(const SourceText& src, int line, std::vector<Candidate>& out,
                  std::set<std::string>& seen) {
    int last = static_cast<int>(src.line_count());
    std::string a(src.line(line));
    if (!plain_statement(a) || int_literals(a).empty()) {
        return;
    }
    std::string shape = literal_shape(a);
    std::size_t n = literal_values(a).size();
    // The run ending at `line`, the next line and the run starting there.
    std::vector<std::vector<long long>> before, after;
    for (int l = line; l >= 1 && literal_shape(std::string(src.line(l))) == shape; --l) {
        before.insert(before.begin(), literal_values(std::string(src.line(l))));
    }
    std::string b = line < last ? std::string(src.line(line + 1)) : std::string();
    bool same = !b.empty() && literal_shape(b) == shape;
    if (same) {
        for (int l = line + 1; l <= last && literal_shape(std::string(src.line(l))) == shape; ++l) {
            after.push_back(literal_values(std::string(src.line(l))));
        }
    }
    std::vector<long long> target;     // literals the next member must reach
    std::vector<std::size_t> compared; // which positions of the template they compare with
    if (same) {
        target = after.front();
        for (std::size_t j = 0; j < n; ++j) {
            compared.push_back(j);
        }
    } else if (plain_statement(b)) {
        std::size_t ea = assignment_pos(a), eb = assignment_pos(b);
        if (ea != std::string::npos && eb != std::string::npos &&
            literal_shape(a.substr(0, ea)) == literal_shape(b.substr(0, eb))) {
            target = literal_values(b.substr(0, eb));
            for (std::size_t j = 0; j < target.size(); ++j) {
                compared.push_back(j);
            }
        }
    }
    auto prog = fit({before, after}, n);
    if (!prog && !target.empty()) {
        // A single member on each side: unit steps towards the next member; literals equal
        // to a stepping one step with it.
        prog.emplace(n);
        for (std::size_t j = 0; j < compared.size(); ++j) {
            long long diff = target[j] - before.back()[j];
            (*prog)[j].step = diff > 0 ? 1 : diff < 0 ? -1 : 0;
        }
        for (std::size_t j = compared.size(); j < n; ++j) {
            for (std::size_t i = 0; i < compared.size(); ++i) {
                if (before.back()[i] == before.back()[j] && (*prog)[i].step != 0) {
                    (*prog)[j].step = (*prog)[i].step;
                }
            }
        }
    }
    if (!prog) {
        return;
    }
    for (std::size_t j = 0; j < n; ++j) {
        (*prog)[j].start = before.back();
    }
    bool moving = std::any_of(prog->begin(), prog->end(),
                              [](const Progression& p) { return p.geometric || p.step != 0; });
    if (!moving) {
        return;
    }
    auto member = [&](long k) {
        std::vector<long long> v(n);
        for (std::size_t j = 0; j < n; ++j) {
            v[j] = (*prog)[j].at(j, k);
        }
        return v;
    };
    for (int pass = 0; pass < 2 && !target.empty(); ++pass) {
        if (pass == 1) { // arithmetic did not reach the next member: try the geometric fits
            bool changed = false;
            for (auto& p : *prog) {
                if (!p.geometric && p.ratio > 1) {
                    p.geometric = true;
                    p.step = p.ratio;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        for (long k = 2; k <= 5; ++k) {
            auto v = member(k);
            bool reached = std::all_of(compared.begin(), compared.end(),
                                       [&](std::size_t j) { return v[j] == target[j]; });
            if (!reached) {
                continue;
            }
            std::string text = a;
            for (long m = 1; m < k; ++m) {
                text += '\n';
                text += with_values(a, member(m));
            }
            add(out, seen, line, text, "constant-gap", 1, true);
            return;
        }
    }
    if (before.size() >= 2 && !same) {
        add(out, seen, line, a + "\n" + with_values(a, member(1)), "constant-gap");
    }
}

/// A loop stepping by a literal other than the number of copies its body indexes
/// (`i += 5` over `x[i]`..`x[i + 3]`): the candidate steps by the number of copies.
void stride_mismatch(const SourceText& src, const std::string& s, int line,
                     std::vector<Candidate>& out, std::set<std::string>& seen) {
    static const std::regex step(R"(\bfor\s*\(.*;\s*(\w+)\s*\+=\s*(\d+)\s*\))");
    std::smatch m;
    if (!std::regex_search(s, m, step)) {
        return;
    }
    std::string var = m[1].str();
    long k = std::stol(m[2].str());
    std::set<long> offsets;
    int depth = 0;
    bool opened = false;
    for (int l = line; l <= static_cast<int>(src.line_count()); ++l) {
        std::string o(src.line(l));
        if (l > line) {
            for (const auto& sub : offset_subscripts(o)) {
                if (sub.var == var) {
                    offsets.insert(sub.offset);
                }
            }
        }
        for (char c : o) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            opened = opened || c == '{';
        }
        if (opened && depth <= 0) {
            break;
        }
    }
    if (offsets.size() < 2 || *offsets.begin() != 0) {
        return;
    }
    long copies = *offsets.rbegin() + 1;
    if (copies == k || static_cast<long>(offsets.size()) != copies) {
        return;
    }
    std::size_t pos = static_cast<std::size_t>(m.position(2));
    add(out, seen, line, replace_at(s, pos, m[2].length(), std::to_string(copies)), "stride-fix", 1,
        true);
}

/// An assignment of a value to itself (`b[1][c] = b[1][c];`) does nothing: one side lost
/// its constant index. Candidates move each constant of either side by one.
void self_assignment(const std::string& s, int line, std::vector<Candidate>& out,
                     std::set<std::string>& seen) {
    std::size_t eq = assignment_pos(s);
    if (eq == std::string::npos || eq == 0 || !plain_statement(s) ||
        std::string(1, s[eq - 1]).find_first_of("+-*/%&|^<>") != std::string::npos) {
        return;
    }
    std::string lhs(trim(s.substr(0, eq)));
    std::string rhs(trim(s.substr(eq + 1, s.rfind(';') - eq - 1)));
    if (lhs.empty() || lhs != rhs) {
        return;
    }
    for (const auto& lit : int_literals(s)) {
        for (long long v : {lit.value - 1, lit.value + 1}) {
            if (v >= 0) {
                add(out, seen, line, replace_at(s, lit.pos, lit.len, std::to_string(v)),
                    "self-assign", 1, true);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Operator precedence: regrouping a binary operation with its neighbour.
// ---------------------------------------------------------------------------------------------

int precedence(const std::string& op) {
    static const std::map<std::string, int> p = {
        {"*", 10}, {"/", 10}, {"%", 10}, {"+", 9}, {"-", 9},  {"<<", 8},
        {">>", 8}, {"<", 7},  {"<=", 7}, {">", 7}, {">=", 7}, {"==", 6},
        {"!=", 6}, {"&", 5},  {"^", 4},  {"|", 3}, {"&&", 2}, {"||", 1}};
    auto it = p.find(op);
    return it == p.end() ? 0 : it->second;
}

/// 0 arithmetic, 1 shift, 2 comparison, 3 bitwise, 4 logical.
int family(int prec) {
    return prec >= 9 ? 0 : prec == 8 ? 1 : prec >= 6 ? 2 : prec >= 3 ? 3 : 4;
}

/// Mixing these without parentheses is the classic slip (what -Wparentheses warns about).
bool suspicious_mix(int pa, int pb) {
    int fa = family(pa), fb = family(pb);
    if (fa > fb) {
        std::swap(fa, fb);
    }
    return (fa == 0 && fb == 1) || (fa == 0 && fb == 3) || (fa == 2 && fb == 3) ||
           (fa == 1 && fb == 3) || (fa == 4 && fb == 4 && pa != pb);
}

std::size_t skip_space(const std::string& s, std::size_t i, std::size_t e) {
    while (i < e && s[i] == ' ') {
        ++i;
    }
    return i;
}
std::size_t back_space(const std::string& s, std::size_t i, std::size_t b) {
    while (i > b && s[i - 1] == ' ') {
        --i;
    }
    return i;
}

/// True when s[..end) ends with a keyword that precedes an expression (`return`).
bool ends_with_keyword(const std::string& s, std::size_t end) {
    if (end > 0 && s[end - 1] == ' ') {
        return false; // the keyword must touch `end`
    }
    std::string w = word_before(s, end);
    return w == "return" || w == "case" || w == "sizeof";
}

struct BinOp {
    std::size_t pos, len;
    int prec;
};

/// Binary operators at the top level of s[b, e), and the ranges (regions) split by , ; ? :
/// and assignments in which they sit.
struct Region {
    std::size_t b, e;
    std::vector<BinOp> ops;
};

std::vector<Region> regions(const std::string& s, std::size_t b, std::size_t e) {
    std::vector<Region> out;
    Region cur{b, e, {}};
    int depth = 0;
    auto operand_end = [&](std::size_t i) {
        std::size_t j = i;
        while (j > b && s[j - 1] == ' ') {
            --j;
        }
        return j > b && (ident_char(s[j - 1]) || s[j - 1] == ')' || s[j - 1] == ']') &&
               !ends_with_keyword(s, j);
    };
    auto start = [&](std::size_t i) { // past a leading `return`
        std::size_t j = skip_space(s, i, e);
        return s.compare(j, 7, "return ") == 0 ? j + 7 : i;
    };
    cur.b = start(b);
    for (std::size_t i = b; i < e; ++i) {
        char c = s[i];
        if (c == '/' && i + 1 < e && s[i + 1] == '/') {
            e = i;
            break;
        }
        if (c == '(' || c == '[' || c == '{') {
            ++depth;
            continue;
        }
        if (c == ')' || c == ']' || c == '}') {
            --depth;
            continue;
        }
        if (c == '<' && is_template_angle(s, i)) {
            int angle = 0;
            for (; i < e; ++i) {
                angle += s[i] == '<' ? 1 : s[i] == '>' ? -1 : 0;
                if (angle == 0) {
                    break;
                }
            }
            continue;
        }
        if (depth != 0) {
            continue;
        }
        if (c == ',' || c == ';' || c == '?' || c == ':' || c == '{') {
            cur.e = i;
            out.push_back(cur);
            cur = {start(i + 1), e, {}};
            continue;
        }
        static const char* ops[] = {
            "<<=", ">>=", "&&", "||", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=",
            "*=",  "/=",  "%=", "&=", "|=", "^=", "++", "--", "->", "*",  "/",  "%",
            "+",   "-",   "<",  ">",  "&",  "^",  "|",  "=",  "!",  "~"};
        for (const char* op : ops) {
            std::size_t len = std::strlen(op);
            if (s.compare(i, len, op) != 0) {
                continue;
            }
            std::string o(op);
            int p = precedence(o);
            bool assign = o.back() == '=' && p == 0;
            if (assign) {
                cur = {i + len, e, {}}; // only the right-hand side is an expression
            } else if (p > 0 && operand_end(i)) {
                cur.ops.push_back({i, len, p});
            }
            i += len - 1;
            break;
        }
    }
    cur.e = e;
    out.push_back(cur);
    return out;
}

/// Applies insertions and deletions given as (offset, text or "" to delete one char).
std::string edit(std::string s, std::vector<std::pair<std::size_t, std::string>> edits) {
    std::stable_sort(edits.begin(), edits.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    for (const auto& [pos, text] : edits) {
        if (text.empty()) {
            s.erase(pos, 1);
        } else {
            s.insert(pos, text);
        }
    }
    return s;
}

void regroup_region(const std::string& s, const Region& r, int line, std::vector<Candidate>& out,
                    std::set<std::string>& seen) {
    const auto& ops = r.ops;
    // Operand k spans from the end of op k-1 to the start of op k.
    auto operand_begin = [&](std::size_t k) {
        return skip_space(s, k == 0 ? r.b : ops[k - 1].pos + ops[k - 1].len, r.e);
    };
    auto operand_stop = [&](std::size_t k) {
        return back_space(s, k < ops.size() ? ops[k].pos : r.e, r.b);
    };
    for (std::size_t i = 0; i + 1 < ops.size(); ++i) {
        int pa = ops[i].prec, pb = ops[i + 1].prec;
        if (pa == pb) {
            continue;
        }
        bool targeted = suspicious_mix(pa, pb);
        if (pa < pb) { // parsed a OP (b op c): group (a OP b)
            std::size_t k = i;
            while (k > 0 && ops[k - 1].prec > pa) {
                --k;
            }
            add(out, seen, line, edit(s, {{operand_begin(k), "("}, {operand_stop(i + 1), ")"}}),
                "regroup", 1, targeted);
        } else { // parsed (a op b) OP c: group (b OP c)
            std::size_t k = i + 2;
            while (k < ops.size() && ops[k].prec > pb) {
                ++k;
            }
            add(out, seen, line, edit(s, {{operand_begin(i + 1), "("}, {operand_stop(k), ")"}}),
                "regroup", 1, targeted);
        }
    }
    // A parenthesized operand whose own loosest operation sits next to a tighter one outside:
    // move the parenthesis past that operation.
    for (std::size_t k = 0; k <= ops.size(); ++k) {
        std::size_t ob = operand_begin(k), oe = operand_stop(k);
        if (ob >= oe || s[ob] != '(' || closing_paren(s, ob) != oe - 1) {
            continue;
        }
        auto inner = regions(s, ob + 1, oe - 1);
        if (inner.size() != 1 || inner[0].ops.empty()) {
            continue;
        }
        const auto& iops = inner[0].ops;
        if (k < ops.size()) { // (x L y) OP c  ->  x L (y OP c)
            const BinOp& last = iops.back();
            std::size_t stop = k + 1;
            while (stop < ops.size() && ops[stop].prec > ops[k].prec) {
                ++stop;
            }
            if (last.prec < ops[k].prec) {
                add(out, seen, line,
                    edit(s, {{oe - 1, ""},
                             {ob, ""},
                             {skip_space(s, last.pos + last.len, oe), "("},
                             {operand_stop(stop), ")"}}),
                    "regroup", 1, suspicious_mix(last.prec, ops[k].prec));
            }
        }
        if (k > 0) { // c OP (x F y)  ->  (c OP x) F y
            const BinOp& first = iops.front();
            std::size_t start = k - 1;
            while (start > 0 && ops[start - 1].prec > ops[k - 1].prec) {
                --start;
            }
            if (first.prec < ops[k - 1].prec) {
                add(out, seen, line,
                    edit(s, {{oe - 1, ""},
                             {ob, ""},
                             {back_space(s, first.pos, ob), ")"},
                             {operand_begin(start), "("}}),
                    "regroup", 1, suspicious_mix(first.prec, ops[k - 1].prec));
            }
        }
    }
}

/// Regroupings of the binary operations of a line: each pair of neighbouring operators of
/// different precedence grouped the other way. Mixes compilers warn about go first.
void regroup(const std::string& s, int line, std::vector<Candidate>& out,
             std::set<std::string>& seen) {
    std::string t(trim(s));
    if (t.empty() || t[0] == '#') {
        return;
    }
    std::vector<Region> all = regions(s, 0, s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '(' || s[i] == '[') {
            std::size_t close = s[i] == '(' ? closing_paren(s, i) : s.find(']', i);
            if (close != std::string::npos) {
                auto inner = regions(s, i + 1, close);
                all.insert(all.end(), inner.begin(), inner.end());
            }
        }
    }
    for (const auto& r : all) {
        regroup_region(s, r, line, out, seen);
    }
}

// ---------------------------------------------------------------------------------------------
// Signedness: a cast or declaration whose signedness disagrees with the value it takes.
// ---------------------------------------------------------------------------------------------

/// 1 signed, 0 unsigned, -1 unknown (typedefs, floating point).
int signedness(const std::string& type) {
    std::string t(trim(type));
    static const std::regex u(
        R"(^(ap_uint\s*<|ap_ufixed\s*<|unsigned\b|uint\d+_t\b|bool\b|size_t\b))");
    static const std::regex sg(
        R"(^(ap_int\s*<|ap_fixed\s*<|signed\b|int\d+_t\b|int\b|short\b|long\b|char\b))");
    if (std::regex_search(t, u)) {
        return 0;
    }
    if (std::regex_search(t, sg)) {
        return 1;
    }
    return -1;
}

/// Declared types of the identifiers of `src` (locals and parameters with a built-in type).
std::map<std::string, std::string> declared_types(const std::string& text) {
    static const std::regex decl(
        R"(\b((?:(?:unsigned|signed|const)\s+)*(?:ap_u?int\s*<\s*\d+\s*>|ap_u?fixed\s*<[^>]*>|u?int\d+_t|char|short|int|long|bool))\s*&?\s+([A-Za-z_]\w*)\s*[=;,)\[])");
    std::map<std::string, std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), decl);
         it != std::sregex_iterator(); ++it) {
        std::string type = std::regex_replace((*it)[1].str(), std::regex(R"(\bconst\s+)"), "");
        out.emplace((*it)[2].str(), type);
    }
    return out;
}

/// The signedness of an operand expression's leading value: a declared identifier, or a
/// bit-range (always unsigned).
int operand_signedness(const std::string& expr, const std::map<std::string, std::string>& types) {
    static const std::regex range(R"(\.\s*(range|get_range)\s*\()");
    if (std::regex_search(expr, range)) {
        return 0;
    }
    static const std::regex id(R"(^\s*\(*\s*([A-Za-z_]\w*))");
    std::smatch m;
    if (std::regex_search(expr, m, id)) {
        auto it = types.find(m[1].str());
        if (it != types.end()) {
            return signedness(it->second);
        }
    }
    return -1;
}

std::string flip_signedness(const std::string& type) {
    static const std::regex fixed_width(R"(^u?int\d+_t)");
    if (std::regex_search(type, fixed_width)) {
        return type[0] == 'u' ? type.substr(1) : "u" + type;
    }
    static const std::vector<std::pair<std::string, std::string>> flips = {
        {"ap_uint", "ap_int"},
        {"ap_int", "ap_uint"},
        {"ap_ufixed", "ap_fixed"},
        {"ap_fixed", "ap_ufixed"},
        {"unsigned char", "signed char"},
        {"signed char", "unsigned char"},
        {"uint", "int"},
        {"unsigned", "int"},
        {"int", "unsigned"},
        {"short", "unsigned short"},
        {"char", "unsigned char"}};
    for (const auto& [a, b] : flips) {
        if (type.rfind(a, 0) == 0) {
            return b + type.substr(a.size());
        }
    }
    return type;
}

/// Casts of a value to an integer type of the other signedness (or of a type we cannot see):
/// the cast dropped, or given the value's signedness. Declarations initialized from a value of
/// the other signedness: the declared type flipped.
void signedness_mismatch(const SourceText& src, const std::string& s, int line,
                         std::vector<Candidate>& out, std::set<std::string>& seen) {
    auto types = declared_types(src.text());
    static const std::regex cast(
        R"(\(\s*((?:unsigned|signed)\s+\w+|ap_u?int\s*<\s*\d+\s*>|ap_u?fixed\s*<[^>()]*>|u?int\d+_t|char|short|int|long)\s*\)\s*)");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), cast); it != std::sregex_iterator();
         ++it) {
        std::size_t pos = static_cast<std::size_t>(it->position(0));
        std::size_t len = static_cast<std::size_t>(it->length(0));
        std::size_t q = back_space(s, pos, 0);
        if (q > 0 && ident_char(s[q - 1]) && !ends_with_keyword(s, q)) {
            continue; // a call, not a cast
        }
        std::string type = (*it)[1].str();
        int cast_sign = signedness(type);
        int value_sign = operand_signedness(s.substr(pos + len), types);
        if (cast_sign >= 0 && value_sign == cast_sign) {
            continue;
        }
        add(out, seen, line, replace_at(s, pos, len, ""), "cast-drop", 1, true);
        std::string flipped = flip_signedness(type);
        if (flipped != type) {
            std::size_t tpos = static_cast<std::size_t>(it->position(1));
            add(out, seen, line, replace_at(s, tpos, type.size(), flipped), "cast-sign", 1, true);
        }
    }
    static const std::regex decl(
        R"(^(\s*(?:const\s+)?)((?:unsigned|signed)\s+\w+|ap_u?int\s*<\s*\d+\s*>|u?int\d+_t|short|int|long)(\s+\w+\s*=\s*)([^;]+);)");
    std::smatch m;
    if (std::regex_search(s, m, decl)) {
        int decl_sign = signedness(m[2].str());
        int value_sign = operand_signedness(m[4].str(), types);
        if (decl_sign >= 0 && value_sign >= 0 && decl_sign != value_sign) {
            std::string flipped = flip_signedness(m[2].str());
            add(out, seen, line,
                m[1].str() + flipped + m[3].str() + m[4].str() + ";" + m.suffix().str(),
                "decl-sign", 1, true);
        }
    }
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
    loop_header(src, s, line, out, seen);
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
    constant_gap(src, line, out, seen);
    stride_mismatch(src, s, line, out, seen);
    self_assignment(s, line, out, seen);
    signedness_mismatch(src, s, line, out, seen);
    std::vector<Candidate> grouped; // blind regroupings go after the usual slips
    regroup(s, line, grouped, seen);
    for (const auto& c : grouped) {
        if (c.targeted) {
            out.push_back(c);
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
    // A subscript off by a constant: the offset dropped (`a[i + 1]` -> `a[i]`).
    static const std::regex offset_sub(R"(\[\s*([A-Za-z_]\w*)\s*[-+]\s*\d+\s*\])");
    for (std::sregex_iterator it(s.begin(), s.end(), offset_sub), end; it != end; ++it) {
        add(out, seen, line,
            replace_at(s, static_cast<std::size_t>(it->position(0)),
                       static_cast<std::size_t>(it->length(0)), "[" + (*it)[1].str() + "]"),
            "offset-drop");
    }
    // Comparison direction: `<` where `>` was meant, and back.
    for (const auto& [op, alt] : std::vector<std::pair<std::string, std::string>>{
             {"<", ">"}, {">", "<"}, {"<=", ">="}, {">=", "<="}}) {
        for (auto pos : operator_positions(s, op)) {
            if ((op[0] == '<' && is_template_angle(s, pos)) ||
                (op[0] == '>' && s.find('<') < pos && is_template_angle(s, s.rfind('<', pos)))) {
                continue;
            }
            add(out, seen, line, replace_at(s, pos, op.size(), alt), "compare-direction");
        }
    }
    // Two subscripts swapped (`a[i][j]` -> `a[j][i]`).
    static const std::regex two_subs(R"(\[\s*([A-Za-z_]\w*)\s*\]\[\s*([A-Za-z_]\w*)\s*\])");
    for (std::sregex_iterator it(s.begin(), s.end(), two_subs), end; it != end; ++it) {
        if ((*it)[1].str() != (*it)[2].str()) {
            add(out, seen, line,
                replace_at(s, static_cast<std::size_t>(it->position(0)),
                           static_cast<std::size_t>(it->length(0)),
                           "[" + (*it)[2].str() + "][" + (*it)[1].str() + "]"),
                "subscript-swap");
        }
    }
    // A floating-point zero where a non-zero seed was meant (`= 0.0;` -> `= 1.0;`).
    static const std::regex float_zero(R"(=\s*(?:\w+\()?(0\.0*)f?\)?\s*;)");
    std::smatch fz;
    if (std::regex_search(s, fz, float_zero)) {
        add(out, seen, line,
            replace_at(s, static_cast<std::size_t>(fz.position(1)),
                       static_cast<std::size_t>(fz.length(1)), "1.0"),
            "const-nonzero");
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
                if (part_at_boundary(s, p, from)) {
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
    for (const auto& c : grouped) {
        if (!c.targeted) {
            out.push_back(c);
        }
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
