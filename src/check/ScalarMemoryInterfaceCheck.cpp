#include "ScalarMemoryInterfaceCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& ScalarMemoryInterfaceCheck::info() const {
    static const RuleInfo r{
        "hls-scalar-on-memory-interface",
        "SMA",
        Severity::error,
        "A scalar passed by value is given a memory or stream interface mode.",
        "scalar port '{port}' has memory interface mode={mode}",
        "A scalar passed by value has no address space to read from: use s_axilite or ap_none "
        "(or another scalar mode), or pass an array/pointer if memory access was meant."};
    return r;
}

void ScalarMemoryInterfaceCheck::run(const Model& m, Sink& out) const {
    for (const auto& p : m.pragmas) {
        if (p.p.directive != "interface") {
            continue;
        }
        std::string mode = interface_mode(p);
        if (!is_memory_mode(mode)) {
            continue;
        }
        auto port = p.p.get("port");
        if (port && *port == "return") {
            out.report(p.line, p.col,
                       "the function return value is a scalar but has memory interface mode=" +
                           mode);
            continue;
        }
        int d = pragma_target(m, p, "port");
        if (d < 0 || !m.decls[d].is_param) {
            continue;
        }
        const Decl& decl = m.decls[d];
        if (decl.is_array()) {
            continue;
        }
        // hls::burst_maxi<T> is passed by value yet is a handle on the AXI master port it
        // names: the mode m_axi is what it is for (UG1399, "Using Manual Burst").
        if (m.resolve_type(decl.type).find("burst_maxi") != std::string::npos) {
            continue;
        }
        bool ram = mode == "bram" || mode == "ap_memory";
        if (decl.is_stream()) {
            if (ram || mode == "m_axi") {
                out.report(p.line, p.col,
                           "stream port '" + decl.name + "' has memory interface mode=" + mode +
                               ": a stream has no addresses (use axis or ap_fifo)");
            }
            continue;
        }
        if (decl.is_pointer || decl.is_reference) {
            // A pointer/reference to one value may stream (ap_fifo, axis) or be an AXI master,
            // but a RAM port needs an array; only flag it when it is never indexed.
            bool indexed = false;
            for (const Access* a : accesses_of(m, d)) {
                auto v = a->indices.empty() ? std::nullopt : m.eval(a->indices[0]);
                indexed = indexed || !v || *v != 0;
            }
            if (ram && !indexed) {
                out.report(p.line, p.col,
                           "scalar port '" + decl.name + "' (" +
                               (decl.is_pointer ? "a pointer" : "a reference") + " to one " +
                               decl.type + ", never indexed) has RAM interface mode=" + mode);
            }
            continue;
        }
        out.report(p.line, p.col,
                   "scalar port '" + decl.name + "' (" + decl.type +
                       ", passed by value) has memory interface mode=" + mode +
                       ": a value parameter has no memory behind it");
    }
}

} // namespace hlsv::check
