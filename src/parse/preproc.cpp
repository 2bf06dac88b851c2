// Conditional-directive evaluation over logical lines (backslash continuations joined). Only the
// directive lines are read; code lines are kept or blanked whole, so this runs at memcpy speed.
#include "preproc.h"

#include <cctype>
#include <cstdlib>
#include <optional>

namespace hlsv::parse {
namespace {

bool ident_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// Drops comments (block and line) from a directive's text.
std::string strip_comments(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '/') {
            break;
        }
        if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '*') {
            std::size_t e = s.find("*/", i + 2);
            if (e == std::string_view::npos) {
                break;
            }
            out += ' ';
            i = e + 1;
            continue;
        }
        out += s[i] == '\\' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i];
    }
    return out;
}

struct Token {
    enum Kind { num, ident, op, end } kind = end;
    std::string text;
    long long value = 0;
};

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        Token t;
        if (std::isdigit(static_cast<unsigned char>(c))) {
            std::size_t b = i;
            while (i < s.size() && (ident_char(s[i]) || s[i] == '.')) {
                ++i;
            }
            std::string lit(s.substr(b, i - b));
            while (!lit.empty() && (lit.back() == 'u' || lit.back() == 'U' || lit.back() == 'l' ||
                                    lit.back() == 'L')) {
                lit.pop_back();
            }
            t.kind = Token::num;
            t.value = std::strtoll(lit.c_str(), nullptr, 0);
        } else if (ident_start(c)) {
            std::size_t b = i;
            while (i < s.size() && ident_char(s[i])) {
                ++i;
            }
            t.kind = Token::ident;
            t.text = std::string(s.substr(b, i - b));
        } else if (c == '\'') {
            std::size_t e = s.find('\'', i + 1);
            e = e == std::string_view::npos ? s.size() : e;
            t.kind = Token::num;
            t.value = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
            i = e + 1;
        } else {
            static const char* k_two[] = {"<<", ">>", "<=", ">=", "==", "!=", "&&", "||"};
            t.kind = Token::op;
            t.text = std::string(1, c);
            for (const char* two : k_two) {
                if (s.substr(i, 2) == two) {
                    t.text.assign(two, 2);
                }
            }
            i += t.text.size();
        }
        out.push_back(std::move(t));
    }
    return out;
}

class Evaluator {
  public:
    Evaluator(const Defines& d, int depth) : defines_(d), depth_(depth) {}

    std::optional<long long> run(std::string_view expr) {
        toks_ = tokenize(expr);
        pos_ = 0;
        long long v = ternary();
        if (!ok_ || pos_ != toks_.size()) {
            return std::nullopt;
        }
        return v;
    }

  private:
    const Token& peek() const {
        static const Token k_end;
        return pos_ < toks_.size() ? toks_[pos_] : k_end;
    }
    bool accept(std::string_view op) {
        if (peek().kind == Token::op && peek().text == op) {
            ++pos_;
            return true;
        }
        return false;
    }

    long long ternary() {
        long long c = binary(0);
        if (accept("?")) {
            long long a = ternary();
            if (!accept(":")) {
                ok_ = false;
                return 0;
            }
            long long b = ternary();
            return c ? a : b;
        }
        return c;
    }

    static int precedence(std::string_view op) {
        static const std::pair<std::string_view, int> k_table[] = {
            {"||", 1}, {"&&", 2}, {"|", 3}, {"^", 4},  {"&", 5},  {"==", 6},
            {"!=", 6}, {"<", 7},  {">", 7}, {"<=", 7}, {">=", 7}, {"<<", 8},
            {">>", 8}, {"+", 9},  {"-", 9}, {"*", 10}, {"/", 10}, {"%", 10}};
        for (const auto& [o, p] : k_table) {
            if (o == op) {
                return p;
            }
        }
        return -1;
    }

    long long binary(int min_prec) {
        long long l = unary();
        while (ok_ && peek().kind == Token::op) {
            std::string op = peek().text;
            int p = precedence(op);
            if (p < 0 || p < min_prec) {
                break;
            }
            ++pos_;
            long long r = binary(p + 1);
            l = apply(op, l, r);
        }
        return l;
    }

    long long apply(std::string_view op, long long l, long long r) {
        if (op == "||")
            return l || r;
        if (op == "&&")
            return l && r;
        if (op == "|")
            return l | r;
        if (op == "^")
            return l ^ r;
        if (op == "&")
            return l & r;
        if (op == "==")
            return l == r;
        if (op == "!=")
            return l != r;
        if (op == "<")
            return l < r;
        if (op == ">")
            return l > r;
        if (op == "<=")
            return l <= r;
        if (op == ">=")
            return l >= r;
        if (op == "<<")
            return r >= 0 && r < 63 ? l << r : 0;
        if (op == ">>")
            return r >= 0 && r < 63 ? l >> r : 0;
        if (op == "+")
            return l + r;
        if (op == "-")
            return l - r;
        if (op == "*")
            return l * r;
        if (r == 0) {
            ok_ = false; // division by zero: unreadable, the caller keeps the branch
            return 0;
        }
        return op == "/" ? l / r : l % r;
    }

    long long unary() {
        if (accept("!"))
            return !unary();
        if (accept("-"))
            return -unary();
        if (accept("+"))
            return unary();
        if (accept("~"))
            return ~unary();
        if (accept("(")) {
            long long v = ternary();
            if (!accept(")")) {
                ok_ = false;
            }
            return v;
        }
        const Token& t = peek();
        if (t.kind == Token::num) {
            ++pos_;
            return t.value;
        }
        if (t.kind == Token::ident) {
            std::string name = t.text;
            ++pos_;
            if (name == "defined") {
                bool paren = accept("(");
                if (peek().kind != Token::ident) {
                    ok_ = false;
                    return 0;
                }
                bool d = defines_.count(peek().text) > 0;
                ++pos_;
                if (paren && !accept(")")) {
                    ok_ = false;
                }
                return d;
            }
            if (peek().kind == Token::op && peek().text == "(") {
                // A function-like macro or __has_include(...): skip the arguments, value 0.
                int level = 0;
                do {
                    if (peek().kind == Token::end) {
                        ok_ = false;
                        return 0;
                    }
                    if (peek().kind == Token::op && peek().text == "(")
                        ++level;
                    if (peek().kind == Token::op && peek().text == ")")
                        --level;
                    ++pos_;
                } while (level > 0);
                return 0;
            }
            if (name == "true")
                return 1;
            if (name == "false")
                return 0;
            auto it = defines_.find(name);
            if (it == defines_.end() || depth_ > 16) {
                return 0; // unknown names are 0, as in cpp
            }
            Evaluator inner(defines_, depth_ + 1);
            auto v = inner.run(it->second);
            return v.value_or(0);
        }
        ok_ = false;
        return 0;
    }

    const Defines& defines_;
    int depth_;
    std::vector<Token> toks_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

struct Frame {
    bool parent_active = true;
    bool taken = false; ///< some branch of this #if was active
    bool active = true; ///< the current branch
    int start_line = 0;
};

void blank(std::string& text, std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
        if (text[i] != '\n' && text[i] != '\r') {
            text[i] = ' ';
        }
    }
}

} // namespace

void add_defines(const std::vector<std::string>& entries, Defines& out) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
        std::string e = entries[i];
        bool undef = false;
        if (e == "-D" || e == "-U") {
            if (i + 1 >= entries.size()) {
                break;
            }
            undef = e == "-U";
            e = entries[++i];
        } else if (e.rfind("-D", 0) == 0) {
            e = e.substr(2);
        } else if (e.rfind("-U", 0) == 0) {
            undef = true;
            e = e.substr(2);
        } else if (e.rfind('-', 0) == 0) {
            continue; // another compiler flag
        }
        auto eq = e.find('=');
        std::string name = e.substr(0, eq);
        if (name.empty()) {
            continue;
        }
        if (undef) {
            out.erase(name);
        } else {
            out[name] = eq == std::string::npos ? "1" : e.substr(eq + 1);
        }
    }
}

long long eval_pp_expr(std::string_view expr, const Defines& defines) {
    return Evaluator(defines, 0).run(strip_comments(expr)).value_or(0);
}

PreprocResult blank_inactive(std::string_view input, const Defines& given) {
    PreprocResult r;
    r.text = std::string(input);
    if (input.find('#') == std::string_view::npos) {
        return r;
    }
    Defines defines = given;
    std::vector<Frame> stack;
    auto active = [&] {
        return stack.empty() || (stack.back().active && stack.back().parent_active);
    };
    std::string& text = r.text;
    bool in_block_comment = false;
    int line = 1;
    std::size_t i = 0;
    bool region_open = false;
    while (i < text.size()) {
        // One logical line: [i, e) with continuations, spanning `lines` physical lines.
        std::size_t e = i;
        int lines = 1;
        while (e < text.size() && text[e] != '\n') {
            if (text[e] == '\\' && e + 1 < text.size() &&
                (text[e + 1] == '\n' ||
                 (text[e + 1] == '\r' && e + 2 < text.size() && text[e + 2] == '\n'))) {
                e += text[e + 1] == '\r' ? 3 : 2;
                ++lines;
                continue;
            }
            ++e;
        }
        std::string_view logical(text.data() + i, e - i);
        std::size_t k = 0;
        while (k < logical.size() && (logical[k] == ' ' || logical[k] == '\t')) {
            ++k;
        }
        bool directive = !in_block_comment && k < logical.size() && logical[k] == '#';
        bool was_active = active();
        if (directive) {
            std::size_t w = k + 1;
            while (w < logical.size() && (logical[w] == ' ' || logical[w] == '\t')) {
                ++w;
            }
            std::size_t we = w;
            while (we < logical.size() && ident_char(logical[we])) {
                ++we;
            }
            std::string word(logical.substr(w, we - w));
            std::string rest = strip_comments(logical.substr(we));
            bool conditional = true;
            auto eval = [&](std::string_view expr) {
                auto v = Evaluator(defines, 0).run(expr);
                return v ? *v != 0 : true; // unreadable: keep the branch
            };
            auto first_word = [&] {
                std::size_t a = 0;
                while (a < rest.size() && std::isspace(static_cast<unsigned char>(rest[a])))
                    ++a;
                std::size_t b = a;
                while (b < rest.size() && ident_char(rest[b]))
                    ++b;
                return rest.substr(a, b - a);
            };
            if (word == "if" || word == "ifdef" || word == "ifndef") {
                Frame f;
                f.parent_active = was_active;
                f.start_line = line;
                bool v = word == "if"      ? eval(rest)
                         : word == "ifdef" ? defines.count(first_word()) > 0
                                           : defines.count(first_word()) == 0;
                f.active = v;
                f.taken = v;
                stack.push_back(f);
                r.had_conditionals = true;
            } else if ((word == "elif" || word == "elifdef" || word == "elifndef") &&
                       !stack.empty()) {
                Frame& f = stack.back();
                bool v = !f.taken && f.parent_active &&
                         (word == "elif"      ? eval(rest)
                          : word == "elifdef" ? defines.count(first_word()) > 0
                                              : defines.count(first_word()) == 0);
                f.active = v;
                f.taken = f.taken || v;
            } else if (word == "else" && !stack.empty()) {
                Frame& f = stack.back();
                f.active = !f.taken;
                f.taken = true;
            } else if (word == "endif" && !stack.empty()) {
                stack.pop_back();
            } else {
                conditional = false;
                if (was_active && word == "define") {
                    std::string name = first_word();
                    std::size_t after = rest.find(name) + name.size();
                    bool function_like = after < rest.size() && rest[after] == '(';
                    std::string value = function_like ? "0" : rest.substr(after);
                    auto b = value.find_first_not_of(" \t");
                    value = b == std::string::npos ? "" : value.substr(b);
                    if (!name.empty()) {
                        defines[name] = value.empty() ? "1" : value;
                    }
                } else if (was_active && word == "undef") {
                    defines.erase(first_word());
                }
            }
            if (conditional || !was_active) {
                blank(text, i, e);
            }
        } else if (!was_active) {
            bool has_code = logical.find_first_not_of(" \t\r\\\n") != std::string_view::npos;
            if (has_code) {
                r.skipped_lines += lines;
                if (!r.first_skipped_line) {
                    r.first_skipped_line = line;
                }
                if (!region_open) {
                    ++r.skipped_regions; // the first skipped code line since a directive
                }
                region_open = true;
            }
            blank(text, i, e);
        }
        if (directive || was_active) {
            region_open = false;
        }
        if (!directive || was_active) {
            // Track block comments in code that stays, so a `#` inside one is not a directive.
            for (std::size_t c = 0; c < logical.size(); ++c) {
                if (in_block_comment) {
                    if (logical[c] == '*' && c + 1 < logical.size() && logical[c + 1] == '/') {
                        in_block_comment = false;
                        ++c;
                    }
                } else if (logical[c] == '/' && c + 1 < logical.size()) {
                    if (logical[c + 1] == '/') {
                        break;
                    }
                    if (logical[c + 1] == '*') {
                        in_block_comment = true;
                        ++c;
                    }
                } else if (logical[c] == '"') {
                    std::size_t q = c + 1;
                    while (q < logical.size() && logical[q] != '"') {
                        q += logical[q] == '\\' ? 2 : 1;
                    }
                    c = q;
                }
            }
        }
        line += lines;
        i = e + 1;
    }
    return r;
}

} // namespace hlsv::parse
