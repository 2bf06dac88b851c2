// Internal to the type classifier: token and facts helpers, and one confirmer per bug type
// (classify_functional.cpp, classify_pragma.cpp); classify.cpp dispatches on the type.
#pragma once

#include "classify.h"
#include "tokens.h"

#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace hlsv::inject::classify_detail {

int sline(const ErrorSpec& s);
std::vector<std::string> toks(std::string_view s);
bool has_tok(const std::vector<std::string>& v, std::string_view t);
std::vector<std::string> lines_of(const std::string& s);
std::string trim(std::string s);
std::string lower(std::string s);
bool is_number(std::string_view t);
bool is_zero_literal(std::string s);
std::pair<std::vector<std::string>, std::vector<std::string>>
token_delta(const std::vector<std::string>& a, const std::vector<std::string>& b);
std::string code_only(const std::string& s);
std::vector<std::string> pragma_lines(const std::string& s);
std::vector<const parse::Pragma*> new_pragmas(const ErrorSpec& spec,
                                              const parse::DesignFacts& after);
std::string opt(const parse::Pragma& p, const std::string& key);
std::optional<long long> to_ll(const std::string& s);
const parse::Array* array_named(const parse::DesignFacts& f, const std::string& name,
                                const std::string& function);
const parse::Param* param_named(const parse::DesignFacts& f, const std::string& name,
                                const std::string& function);
std::string function_text(const parse::DesignFacts& f, const std::string& text,
                          const std::string& name);
/// Index expressions of `name[...]` accesses: the first subscript, or every one of a chain.
std::vector<std::string> subscripts(const std::string& text, const std::string& name,
                                    bool all_dims = false);
std::set<std::string> loop_vars(const parse::DesignFacts& f, const std::string& function);
bool loop_has(const parse::DesignFacts& f, int loop, const std::string& directive);
int operand_width(const parse::DesignFacts& f, const std::string& var, int line);
TypeConfirmation yes(std::string e);
TypeConfirmation no(std::string e);

TypeConfirmation confirm_oob(const ErrorSpec& s, const parse::DesignFacts& before,
                             const std::vector<std::string>& a, const std::vector<std::string>& b);
TypeConfirmation confirm_init(const std::vector<std::string>& a, const std::vector<std::string>& b,
                              const std::string& after_text);
TypeConfirmation confirm_shft(const ErrorSpec& s, const parse::DesignFacts& before,
                              const std::vector<std::string>& b);
TypeConfirmation confirm_inf(const ErrorSpec& s, const parse::DesignFacts& before,
                             const std::vector<std::string>& a, const std::vector<std::string>& b);
TypeConfirmation confirm_use(const std::vector<std::string>& a, const std::vector<std::string>& b);
std::string skeleton(const std::vector<std::string>& t);
bool has_offset_subscript(const std::vector<std::string>& t);
std::vector<std::vector<std::string>> statements(const std::vector<std::string>& t);
TypeConfirmation confirm_mlu(const ErrorSpec& s, const std::string& after_text,
                             const std::vector<std::string>& a, const std::vector<std::string>& b);
TypeConfirmation confirm_zero(const ErrorSpec& s, const parse::DesignFacts& before);
TypeConfirmation confirm_buf(const parse::DesignFacts& before, const std::vector<std::string>& a,
                             const std::vector<std::string>& b, const std::string& function);
TypeConfirmation confirm_prec(const std::vector<std::string>& a, const std::vector<std::string>& b);

TypeConfirmation confirm_apt(const parse::Pragma& p, const parse::DesignFacts& after,
                             const std::string& after_text);
TypeConfirmation confirm_fnd(const parse::Pragma& p, const parse::DesignFacts& before,
                             const parse::DesignFacts& after);
TypeConfirmation confirm_did(const parse::Pragma& p, const parse::DesignFacts& before,
                             const parse::DesignFacts& after);
TypeConfirmation confirm_dfp(const parse::Pragma& p, const parse::DesignFacts& after);
std::string port_of(const parse::Pragma& p);
TypeConfirmation confirm_idap(const parse::Pragma& p, const parse::DesignFacts& after,
                              const std::string& after_text);
TypeConfirmation confirm_ramb(const ErrorSpec& s, const parse::DesignFacts& after,
                              const std::string& after_text);
TypeConfirmation confirm_port_mode(const parse::Pragma& p, const parse::DesignFacts& after,
                                   const std::string& after_text, bool scalar_wanted);
TypeConfirmation confirm_mlp(const parse::Pragma& p, const parse::DesignFacts& after);
TypeConfirmation confirm_ilnu(const ErrorSpec& s, const parse::DesignFacts& after);

} // namespace hlsv::inject::classify_detail
