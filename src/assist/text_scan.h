// Private to the assist module: the character-level helpers the repair operators and the
// read-before-write analysis share when they look at one line of C++ as text.
#pragma once

#include <cctype>
#include <string>

namespace hlsv::assist::detail {

inline bool ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// The identifier that ends right before `end` in `s`, spaces before `end` skipped ("" when
/// none): the callee before '(', the template name before '<', a keyword before an expression.
inline std::string word_before(const std::string& s, std::size_t end) {
    while (end > 0 && s[end - 1] == ' ') {
        --end;
    }
    std::size_t b = end;
    while (b > 0 && ident_char(s[b - 1])) {
        --b;
    }
    return s.substr(b, end - b);
}

/// True when `part` found at `p` in `s` stands alone or as an '_'-separated piece of a name
/// (`buf_a` in `buf_a[i]`, `_a` in `ping_a`): not inside a longer identifier.
inline bool part_at_boundary(const std::string& s, std::size_t p, const std::string& part) {
    std::size_t e = p + part.size();
    bool left = part[0] == '_' || p == 0 || !ident_char(s[p - 1]) || s[p - 1] == '_';
    bool right = e >= s.size() || !ident_char(s[e]) || s[e] == '_';
    return left && right;
}

} // namespace hlsv::assist::detail
