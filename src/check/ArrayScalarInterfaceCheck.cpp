#include "ArrayScalarInterfaceCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& ArrayScalarInterfaceCheck::info() const {
    static const RuleInfo r{
        "hls-array-on-scalar-interface",
        "AMS",
        Severity::error,
        "An array port (or a pointer indexed like one) is given a scalar interface mode.",
        "array port '{port}' has scalar interface mode={mode}",
        "Scalar modes (ap_none, ap_vld, ap_ack, ap_hs, ap_ovld, ap_stable) carry one value. Give "
        "an array port a memory mode (m_axi, bram/ap_memory, ap_fifo for sequential access) or "
        "s_axilite."};
    return r;
}

void ArrayScalarInterfaceCheck::run(const Model& m, Sink& out) const {
    for (const auto& p : m.pragmas) {
        if (p.p.directive != "interface") {
            continue;
        }
        std::string mode = interface_mode(p);
        if (!is_scalar_mode(mode)) {
            continue;
        }
        int d = pragma_target(m, p, "port");
        if (d < 0 || !m.decls[d].is_param) {
            continue; // hls-interface-port reports ports that are not parameters
        }
        const Decl& decl = m.decls[d];
        std::string why;
        if (decl.is_array()) {
            why = "it is declared as an array";
        } else if (decl.is_pointer) {
            auto indexed = [&](int q) -> std::string {
                for (const Access* a : accesses_of(m, q)) {
                    auto v = a->indices.empty() ? std::nullopt : m.eval(a->indices[0]);
                    if (!v || *v != 0) {
                        return "indexed like an array at line " + std::to_string(a->line);
                    }
                }
                return "";
            };
            why = indexed(d);
            if (!why.empty()) {
                why = "it is " + why;
            }
            // A pointer handed to a callee that takes an array or indexes its parameter.
            for (int q : callee_params(m, d)) {
                if (!why.empty()) {
                    break;
                }
                const Decl& pd = m.decls[q];
                std::string fn = pd.function >= 0 ? m.functions[pd.function].name : "";
                if (pd.is_array()) {
                    why = "it is passed to '" + fn + "', whose parameter '" + pd.name +
                          "' is an array";
                } else if (pd.is_pointer) {
                    if (std::string in = indexed(q); !in.empty()) {
                        why = "it is passed to '" + fn + "', where '" + pd.name + "' is " + in;
                    }
                }
            }
        }
        if (why.empty()) {
            continue;
        }
        out.report(p.line, p.col,
                   "array port '" + decl.name + "' has scalar interface mode=" + mode + ": " + why +
                       ", so one wire cannot carry its elements");
    }
}

} // namespace hlsv::check
