#include "FactorDivisibilityCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& FactorDivisibilityCheck::info() const {
    static const RuleInfo r{
        "hls-factor-divisibility",
        "FND",
        Severity::warning,
        "A partition factor does not divide the array dimension, or an unroll factor does not "
        "divide the trip count.",
        "factor={factor} does not divide {what} {size}",
        "Pick a factor that divides the dimension (partition) or the trip count (unroll); "
        "otherwise "
        "the banks are uneven or the unrolled loop needs an exit check on every copy."};
    return r;
}

void FactorDivisibilityCheck::run(const Model& m, Sink& out) const {
    for (const auto& p : m.pragmas) {
        const std::string& d = p.p.directive;
        auto ftext = p.p.get("factor");
        if (!ftext || p.p.has("off")) {
            continue;
        }
        auto f = m.eval(*ftext);
        if (!f || *f < 2) {
            continue; // hls-partition-factor reports these
        }
        if (d == "array_partition" || d == "array_reshape") {
            std::string type = p.p.get("type").value_or("complete");
            if (type != "cyclic" && type != "block") {
                continue;
            }
            int decl = pragma_target(m, p, "variable");
            auto dim = m.eval(p.p.get("dim").value_or("1"));
            if (decl < 0 || !dim) {
                continue;
            }
            const Decl& dd = m.decls[decl];
            for (long long k = 1; k <= static_cast<long long>(dd.dims.size()); ++k) {
                if ((*dim != 0 && k != *dim) || !dd.dims[k - 1]) {
                    continue;
                }
                long long size = *dd.dims[k - 1];
                if (size % *f != 0) {
                    out.report(p.line, p.col,
                               d + " factor=" + std::to_string(*f) + " does not divide dimension " +
                                   std::to_string(k) + " of '" + dd.name + "' (size " +
                                   std::to_string(size) + "): the banks are uneven");
                    break;
                }
            }
        } else if (d == "unroll" && p.loop) {
            const LoopInfo& l = m.loops[*p.loop];
            if (l.trip && *l.trip % *f != 0) {
                out.report(p.line, p.col,
                           "unroll factor=" + std::to_string(*f) +
                               " does not divide the trip count " + std::to_string(*l.trip) +
                               " of loop " + l.describe() +
                               ": every unrolled copy needs an exit check");
            }
        }
    }
}

} // namespace hlsv::check
