// Small queries shared by several checks. Private to the check module.
#pragma once

#include "model.h"

#include <optional>
#include <string>
#include <vector>

namespace hlsv::check {

/// The declaration that option `key` (variable= / port=) of pragma `p` names, or -1.
int pragma_target(const Model& m, const PragmaInfo& p, std::string_view key);
/// The bare name an option value refers to ("s.data" -> "s").
std::string bare_name(std::string_view value);
/// The interface mode of an interface pragma ("" when none).
std::string interface_mode(const PragmaInfo& p);
/// Accesses of declaration `decl`.
std::vector<const Access*> accesses_of(const Model& m, int decl);
/// True when `inner` is `outer` or nested inside it.
bool loop_within(const Model& m, std::optional<int> inner, int outer);
/// The enclosing loops of an access or loop, innermost first.
std::vector<int> loop_chain(const Model& m, std::optional<int> innermost);
/// True when `n` sits under an if/switch/?: that is inside `region` (or anywhere when null).
bool conditional_within(TSNode n, TSNode region);
/// The same for an access, from the conditional the model recorded (no walk up the tree).
bool conditional_within(const Access& a, TSNode region);
/// The first name in a pragma option's value (`factor=N`) that is a run-time variable in
/// `function` (a parameter or a non-const local or global), if any. A value Vitis cannot
/// evaluate is an error only then: template parameters (`CONFIG_T::n`), names from headers we
/// did not read and macros are unknown to us, not wrong.
std::optional<std::string> variable_in(const Model& m, std::string_view expr, int function);
/// "line N" for messages.
std::string at_line(int line);
/// Describes a declaration for messages: "local array 'buf'", "parameter 'n'".
std::string describe_decl(const Decl& d);
/// The parameters of functions defined in this file that receive declaration `decl` as a bare
/// argument (`f(buf)` hands `buf` to f's parameter at that position), followed through up to
/// `depth` levels of calls.
std::vector<int> callee_params(const Model& m, int decl, int depth = 3);

} // namespace hlsv::check
