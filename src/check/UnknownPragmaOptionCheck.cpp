#include "UnknownPragmaOptionCheck.h"

namespace hlsv::check {

const RuleInfo& UnknownPragmaOptionCheck::info() const {
    static const RuleInfo r{
        "hls-unknown-pragma-option",
        std::nullopt,
        Severity::warning,
        "An HLS pragma uses a directive or option that Vitis HLS does not know.",
        "unknown option '{option}' for pragma {directive}",
        "Vitis HLS ignores (with a warning) pragmas and options it does not know, so the intent is "
        "silently lost. Check the spelling against the Vitis HLS pragma reference."};
    return r;
}

void UnknownPragmaOptionCheck::run(const Model& m, Sink& out) const {
    for (const auto& p : m.pragmas) {
        if (!p.p.known_directive) {
            out.report(p.line, p.col,
                       "unknown HLS directive '" + p.p.directive + "': the pragma is ignored");
            continue;
        }
        for (const auto& opt : p.p.unknown) {
            out.report(p.line, p.col,
                       "unknown option '" + opt + "' for pragma " + p.p.directive +
                           ": it is ignored");
        }
    }
}

} // namespace hlsv::check
