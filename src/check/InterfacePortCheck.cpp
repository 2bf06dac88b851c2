#include "InterfacePortCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& InterfacePortCheck::info() const {
    static const RuleInfo r{
        "hls-interface-port",
        "IDAP",
        Severity::error,
        "An interface pragma names a port that is not a parameter of its function.",
        "interface port '{port}' is not a parameter of '{function}'",
        "Interface pragmas apply to the top function's parameters (or port=return). For an "
        "internal buffer use array_partition/bind_storage; for an internal stream use the stream "
        "pragma. The closest catalog type depends on the target: a scalar mode on an array is "
        "AMS, a memory mode on a scalar is SMA, anything else is IDAP."};
    return r;
}

void InterfacePortCheck::run(const Model& m, Sink& out) const {
    for (const auto& p : m.pragmas) {
        if (p.p.directive != "interface" || p.function < 0) {
            continue;
        }
        auto port = p.p.get("port");
        const std::string& fname = m.functions[p.function].name;
        if (!port || port->empty()) {
            out.report(p.line, p.col,
                       "interface pragma in '" + fname +
                           "' has no port= option, so it governs nothing");
            continue;
        }
        if (*port == "return") {
            continue;
        }
        int d = pragma_target(m, p, "port");
        if (d >= 0 && m.decls[d].is_param) {
            continue;
        }
        std::string mode = interface_mode(p);
        if (d < 0) {
            out.report(p.line, p.col,
                       "interface port '" + *port + "' names nothing in '" + fname +
                           "' (not a parameter)");
            continue;
        }
        const Decl& decl = m.decls[d];
        std::string type = "IDAP";
        if ((decl.is_array() || decl.is_stream()) && is_scalar_mode(mode)) {
            type = "AMS";
        } else if (!decl.is_array() && !decl.is_stream() && !decl.is_pointer &&
                   is_memory_mode(mode)) {
            type = "SMA";
        }
        out.report(p.line, p.col,
                   "interface port '" + *port + "' is not a parameter of '" + fname +
                       "': it is the " + describe_decl(decl) + " declared at line " +
                       std::to_string(decl.line) + ", so mode=" + (mode.empty() ? "?" : mode) +
                       " has no port to shape (closest catalog type: " + type + ")",
                   type);
    }
}

} // namespace hlsv::check
