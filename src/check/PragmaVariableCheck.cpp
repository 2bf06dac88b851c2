#include "PragmaVariableCheck.h"

#include "util.h"

#include <algorithm>

namespace hlsv::check {

const RuleInfo& PragmaVariableCheck::info() const {
    static const RuleInfo r{
        "hls-pragma-variable",
        "APT",
        Severity::error,
        "A pragma's variable= names nothing in scope, or names a scalar where an array is needed.",
        "variable '{variable}' of {directive} pragma {why}",
        "variable= must name an array (array_partition, array_reshape), a stream or array "
        "(stream), or a variable (bind_storage, dependence, reset) declared in the function that "
        "holds the pragma or at file scope. Partition misuse maps to APT in the catalog."};
    return r;
}

void PragmaVariableCheck::run(const Model& m, Sink& out) const {
    static const std::vector<std::string> k_directives = {
        "array_partition", "array_reshape", "stream",       "bind_storage", "dependence",
        "reset",           "aggregate",     "disaggregate", "stable",       "bind_op"};
    for (const auto& p : m.pragmas) {
        const std::string& d = p.p.directive;
        if (p.function < 0 ||
            std::find(k_directives.begin(), k_directives.end(), d) == k_directives.end()) {
            continue;
        }
        auto v = p.p.get("variable");
        bool partition = d == "array_partition" || d == "array_reshape";
        std::optional<std::string> type =
            partition ? std::optional<std::string>("APT") : std::nullopt;
        if (!v || v->empty()) {
            if (partition || d == "stream") {
                out.report(p.line, p.col,
                           d + " pragma has no variable= option, so it governs nothing", type);
            }
            continue;
        }
        int decl = pragma_target(m, p, "variable");
        if (decl < 0) {
            out.report(p.line, p.col,
                       "variable '" + *v + "' of " + d + " pragma names nothing declared in '" +
                           m.functions[p.function].name + "' or at file scope",
                       type);
            continue;
        }
        const Decl& dd = m.decls[decl];
        // Only a plain scalar of a known type is surely not an array (typedefs may hide arrays).
        bool scalar = m.int_type(dd.type) || dd.type == "float" || dd.type == "double";
        if (partition && scalar && !dd.is_array() && !dd.is_pointer &&
            v->find('.') == std::string::npos) {
            out.report(p.line, p.col,
                       "variable '" + *v + "' of " + d + " pragma is the " + describe_decl(dd) +
                           " (line " + std::to_string(dd.line) +
                           "), not an array: there is nothing to partition",
                       type);
        }
    }
}

} // namespace hlsv::check
