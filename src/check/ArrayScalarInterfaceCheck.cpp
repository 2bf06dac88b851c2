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
            for (const Access* a : accesses_of(m, d)) {
                auto v = a->indices.empty() ? std::nullopt : m.eval(a->indices[0]);
                if (!v || *v != 0) {
                    why = "it is indexed like an array at line " + std::to_string(a->line);
                    break;
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
