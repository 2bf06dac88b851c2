#include "PartitionDimCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& PartitionDimCheck::info() const {
    static const RuleInfo r{
        "hls-partition-dim",
        "DID",
        Severity::error,
        "An array_partition/array_reshape dim is outside 0..rank of the array.",
        "dim={dim} is outside 0..{rank} for array '{variable}'",
        "dim=1 is the first (outermost) dimension, dim=N the last, dim=0 all dimensions. Use a "
        "dimension the array has."};
    return r;
}

void PartitionDimCheck::run(const Model& m, Sink& out) const {
    for (const auto& p : m.pragmas) {
        if (p.p.directive != "array_partition" && p.p.directive != "array_reshape") {
            continue;
        }
        auto dim_text = p.p.get("dim");
        if (!dim_text) {
            continue;
        }
        auto dim = m.eval(*dim_text);
        if (!dim) {
            if (auto var = variable_in(m, *dim_text, p.function)) {
                out.report(p.line, p.col,
                           "dim='" + *dim_text + "' is not a constant: '" + *var +
                               "' is a variable");
            }
            continue;
        }
        int d = pragma_target(m, p, "variable");
        if (d < 0) {
            continue;
        }
        const Decl& decl = m.decls[d];
        long long rank = static_cast<long long>(decl.dims.size());
        if (rank == 0 && decl.is_pointer && !decl.is_stream() && m.typedefs.count(decl.type) == 0) {
            rank = 1; // a pointer to plain elements (`const int* src`) is indexed in one dimension
        }
        if (rank == 0) {
            continue; // typedef'd arrays and pointers to them: rank unknown
        }
        if (*dim < 0 || *dim > rank) {
            out.report(p.line, p.col,
                       "dim=" + std::to_string(*dim) + " is outside 0.." + std::to_string(rank) +
                           " for array '" + decl.name + "', which has " + std::to_string(rank) +
                           " dimension" + (rank == 1 ? "" : "s") + " (declared at line " +
                           std::to_string(decl.line) + ")");
        }
    }
}

} // namespace hlsv::check
