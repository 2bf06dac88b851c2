// A small C/C++ lexer for matching quoted code against a design: token texts with their byte
// spans. Comments are kept as tokens (flagged) so callers can choose to ignore them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hlsv::inject {

enum class TokKind { ident, number, string, punct, comment, ellipsis };

struct Token {
    TokKind kind;
    std::size_t begin = 0; ///< byte offset in the lexed text
    std::size_t end = 0;   ///< one past the last byte
    std::string_view text;
};

/// Lexes `text`. Never fails: unknown bytes become one-byte punctuation. `...` and the Unicode
/// ellipsis (U+2026) become `ellipsis` tokens; backslash-newline counts as whitespace.
std::vector<Token> tokenize(std::string_view text);

/// The tokens that are not comments.
std::vector<Token> code_tokens(std::string_view text);

/// True when both texts have the same non-comment token sequence.
bool same_code(std::string_view a, std::string_view b);

} // namespace hlsv::inject
