#include "DeprecatedPragmaCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& DeprecatedPragmaCheck::info() const {
    static const RuleInfo r{
        "hls-deprecated-pragma",
        std::nullopt,
        Severity::note,
        "A pragma is spelled the way Vivado HLS took it; current Vitis HLS deprecates or no "
        "longer supports that spelling.",
        "{what} is deprecated in Vitis HLS: {replacement}",
        "Use the replacement the message names. Old code keeps building for now, but a "
        "deprecated pragma may be dropped by a later tool version, and an unsupported one (the "
        "ap_bus interface) is ignored today."};
    return r;
}

namespace {

// What is deprecated and its replacement, or "" when the pragma is current.
std::string replacement(const PragmaInfo& p) {
    const std::string& d = p.p.directive;
    if (d == "resource") {
        return "pragma HLS resource is deprecated: use bind_op for an operation (core=Mul...) or "
               "bind_storage for a variable or array (core=RAM_...)";
    }
    if (d == "data_pack") {
        return "pragma HLS data_pack is deprecated: use aggregate (compact=bit packs the same "
               "way)";
    }
    if (d == "interface" && interface_mode(p) == "ap_bus") {
        return "interface mode ap_bus is no longer supported (the pragma is ignored): use m_axi";
    }
    if (d == "pipeline" && p.p.has("enable_flush")) {
        return "pipeline enable_flush is deprecated: use style=flp";
    }
    if (d == "inline" && p.p.has("region")) {
        return "inline region is deprecated: put an inline pragma in each function to inline";
    }
    return "";
}

} // namespace

void DeprecatedPragmaCheck::run(const Model& m, Sink& out) const {
    for (const auto& p : m.pragmas) {
        std::string r = replacement(p);
        if (!r.empty()) {
            out.report(p.line, p.col, r);
        }
    }
}

} // namespace hlsv::check
