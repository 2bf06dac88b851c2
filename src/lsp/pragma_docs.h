// What each `#pragma HLS` directive does, in a sentence or two, and the options it takes: the
// text of hover cards and the vocabulary that spelling fix-its pick from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hlsv::lsp {

struct DirectiveDoc {
    std::string name;                 ///< lower case, as written after `#pragma HLS`
    std::string summary;              ///< what it does
    std::vector<std::string> options; ///< option keys it accepts
};

const std::vector<DirectiveDoc>& directive_docs();
/// Case-insensitive lookup; nullptr for an unknown directive.
const DirectiveDoc* find_directive(std::string_view name);

/// The parts of a `#pragma HLS` line, or an empty directive when `line` is not one.
struct PragmaLine {
    std::string directive;   ///< lower case
    std::size_t begin = 0;   ///< byte offset of '#'
    std::size_t end = 0;     ///< byte offset where the pragma text ends (before a // comment)
    std::size_t dir_pos = 0; ///< byte offset of the directive word
};
PragmaLine parse_pragma_line(std::string_view line);

} // namespace hlsv::lsp
