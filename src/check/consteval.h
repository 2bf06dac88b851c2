// Integer constant evaluation of expressions as written ("N - 1", "(1 << W) / 2"), with a
// symbol table of #define / const / constexpr / enum values. Private to the check module.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace hlsv::check {

using Symbols = std::map<std::string, std::string, std::less<>>; ///< name -> expression text

/// Value of `expr`, or nullopt when it uses an unknown name, an unsupported operator, divides
/// by zero or recurses too deep. Identifiers are looked up in `symbols` and evaluated in turn.
std::optional<long long> eval_const(std::string_view expr, const Symbols& symbols);

} // namespace hlsv::check
