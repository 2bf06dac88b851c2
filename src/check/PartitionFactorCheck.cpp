#include "PartitionFactorCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& PartitionFactorCheck::info() const {
    static const RuleInfo r{
        "hls-partition-factor",
        "FND",
        Severity::error,
        "A partition's factor= contradicts its type: given with complete, or missing or invalid "
        "with cyclic/block.",
        "{directive} type={type} {problem}",
        "type=complete splits every element and takes no factor; type=cyclic and type=block need "
        "factor=N with N >= 2 (the number of banks). Partition misuse maps to FND here because "
        "the factor is what is wrong."};
    return r;
}

void PartitionFactorCheck::run(const Model& m, Sink& out) const {
    for (const auto& p : m.pragmas) {
        if (p.p.directive != "array_partition" && p.p.directive != "array_reshape") {
            continue;
        }
        if (p.p.has("off")) {
            continue;
        }
        std::string type = p.p.get("type").value_or("complete");
        auto factor = p.p.get("factor");
        const std::string& d = p.p.directive;
        if (type != "complete" && type != "cyclic" && type != "block") {
            out.report(p.line, p.col,
                       d + " has unknown type '" + type + "' (complete, cyclic or block)");
            continue;
        }
        if (type == "complete") {
            if (factor) {
                out.report(p.line, p.col,
                           d + " type=complete has factor=" + *factor +
                               ", which complete partitioning ignores: cyclic or block was "
                               "probably meant");
            }
            continue;
        }
        if (!factor || factor->empty()) {
            out.report(p.line, p.col,
                       d + " type=" + type + " has no factor=: the number of banks is unspecified");
            continue;
        }
        auto v = m.eval(*factor);
        if (!v) {
            if (auto var = variable_in(m, *factor, p.function)) {
                out.report(p.line, p.col,
                           d + " type=" + type + " factor='" + *factor + "' is not a constant: '" +
                               *var +
                               "' is a variable, and the bank count must be known when "
                               "the hardware is built");
            }
        } else if (*v < 2) {
            out.report(p.line, p.col,
                       d + " type=" + type + " factor=" + std::to_string(*v) +
                           " does not split the array (needs at least 2)");
        }
    }
}

} // namespace hlsv::check
