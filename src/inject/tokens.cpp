// The lexer behind token-level matching and no-op detection.
#include "tokens.h"

#include <array>
#include <cctype>

namespace hlsv::inject {

namespace {

bool ident_start(unsigned char c) {
    return std::isalpha(c) || c == '_' || c >= 0x80;
}
bool ident_char(unsigned char c) {
    return std::isalnum(c) || c == '_' || c >= 0x80;
}

// Longest punctuators first so that "<<=" wins over "<<" and "<".
constexpr std::array<std::string_view, 25> k_puncts = {
    "<<=", ">>=", "->*", "<=>", "::", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
    "++",  "--",  "+=",  "-=",  "*=", "/=", "%=", "&=", "|=", "^=", "->", "##"};

constexpr std::string_view k_unicode_ellipsis = "\xE2\x80\xA6";

} // namespace

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    const std::size_t n = s.size();
    auto push = [&](TokKind k, std::size_t b, std::size_t e) {
        out.push_back(Token{k, b, e, s.substr(b, e - b)});
    };
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c) || (c == '\\' && i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r'))) {
            ++i;
            continue;
        }
        std::size_t b = i;
        if (c == '/' && i + 1 < n && s[i + 1] == '/') {
            while (i < n && s[i] != '\n') {
                ++i;
            }
            push(TokKind::comment, b, i);
        } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
            std::size_t e = s.find("*/", i + 2);
            i = e == std::string_view::npos ? n : e + 2;
            push(TokKind::comment, b, i);
        } else if (s.substr(i, 3) == "..." || s.substr(i, 3) == k_unicode_ellipsis) {
            i += 3;
            push(TokKind::ellipsis, b, i);
        } else if (ident_start(c)) {
            while (i < n && ident_char(static_cast<unsigned char>(s[i]))) {
                ++i;
            }
            push(TokKind::ident, b, i);
        } else if (std::isdigit(c) ||
                   (c == '.' && i + 1 < n && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            // pp-number: digits, letters, '.', digit separators and exponent signs.
            while (i < n) {
                unsigned char d = static_cast<unsigned char>(s[i]);
                if ((d == '+' || d == '-') &&
                    (s[i - 1] == 'e' || s[i - 1] == 'E' || s[i - 1] == 'p' || s[i - 1] == 'P')) {
                    ++i;
                } else if (std::isalnum(d) || d == '.' || d == '_' || d == '\'') {
                    ++i;
                } else {
                    break;
                }
            }
            push(TokKind::number, b, i);
        } else if (c == '"' || c == '\'') {
            ++i;
            while (i < n && s[i] != static_cast<char>(c) && s[i] != '\n') {
                i += s[i] == '\\' ? 2 : 1;
            }
            i = i < n ? i + 1 : n;
            push(TokKind::string, b, i);
        } else {
            std::size_t len = 1;
            for (auto p : k_puncts) {
                if (s.substr(i, p.size()) == p) {
                    len = p.size();
                    break;
                }
            }
            i += len;
            push(TokKind::punct, b, i);
        }
    }
    return out;
}

std::vector<Token> code_tokens(std::string_view text) {
    auto all = tokenize(text);
    std::vector<Token> out;
    out.reserve(all.size());
    for (const auto& t : all) {
        if (t.kind != TokKind::comment) {
            out.push_back(t);
        }
    }
    return out;
}

bool same_code(std::string_view a, std::string_view b) {
    auto ta = code_tokens(a);
    auto tb = code_tokens(b);
    if (ta.size() != tb.size()) {
        return false;
    }
    for (std::size_t i = 0; i < ta.size(); ++i) {
        if (ta[i].text != tb[i].text) {
            return false;
        }
    }
    return true;
}

} // namespace hlsv::inject
