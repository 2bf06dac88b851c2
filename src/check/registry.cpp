// The explicit, sorted list of checks. Add a rule: write <Name>Check.{h,cpp}, add one line here
// (keep the ids sorted), add tests/check/<id>/ with firing and non-firing designs.
#include "ArrayScalarInterfaceCheck.h"
#include "ConflictingPragmasCheck.h"
#include "ConstantIndexOobCheck.h"
#include "DataflowPlacementCheck.h"
#include "DeprecatedPragmaCheck.h"
#include "FactorDivisibilityCheck.h"
#include "InfiniteLoopCheck.h"
#include "InterfaceAccessCheck.h"
#include "InterfacePortCheck.h"
#include "MaxiRandomAccessCheck.h"
#include "NestedPipelineCheck.h"
#include "PartitionAccessCheck.h"
#include "PartitionDimCheck.h"
#include "PartitionFactorCheck.h"
#include "PragmaPlacementCheck.h"
#include "PragmaVariableCheck.h"
#include "ScalarMemoryInterfaceCheck.h"
#include "ShiftWidthCheck.h"
#include "SignExtensionCheck.h"
#include "UninitReadCheck.h"
#include "UnknownPragmaOptionCheck.h"
#include "UnrollInnerLoopCheck.h"
#include "rule.h"

namespace hlsv::check {

template <class T> std::unique_ptr<Check> make() {
    return std::make_unique<T>();
}

const std::vector<std::unique_ptr<Check>>& checks() {
    static const std::vector<std::unique_ptr<Check>> table = [] {
        std::vector<std::unique_ptr<Check>> v;
        v.push_back(make<ArrayScalarInterfaceCheck>());  // hls-array-on-scalar-interface
        v.push_back(make<ConflictingPragmasCheck>());    // hls-conflicting-pragmas
        v.push_back(make<ConstantIndexOobCheck>());      // hls-constant-index-out-of-bounds
        v.push_back(make<DataflowPlacementCheck>());     // hls-dataflow-placement
        v.push_back(make<DeprecatedPragmaCheck>());      // hls-deprecated-pragma
        v.push_back(make<FactorDivisibilityCheck>());    // hls-factor-divisibility
        v.push_back(make<InfiniteLoopCheck>());          // hls-infinite-loop
        v.push_back(make<InterfaceAccessCheck>());       // hls-interface-access-pattern
        v.push_back(make<InterfacePortCheck>());         // hls-interface-port
        v.push_back(make<MaxiRandomAccessCheck>());      // hls-maxi-random-access
        v.push_back(make<NestedPipelineCheck>());        // hls-nested-pipeline
        v.push_back(make<PartitionAccessCheck>());       // hls-partition-access-pattern
        v.push_back(make<PartitionDimCheck>());          // hls-partition-dim
        v.push_back(make<PartitionFactorCheck>());       // hls-partition-factor
        v.push_back(make<PragmaPlacementCheck>());       // hls-pragma-placement
        v.push_back(make<PragmaVariableCheck>());        // hls-pragma-variable
        v.push_back(make<ScalarMemoryInterfaceCheck>()); // hls-scalar-on-memory-interface
        v.push_back(make<ShiftWidthCheck>());            // hls-shift-width
        v.push_back(make<SignExtensionCheck>());         // hls-sign-extension
        v.push_back(make<UninitReadCheck>());            // hls-uninitialized-read
        v.push_back(make<UnknownPragmaOptionCheck>());   // hls-unknown-pragma-option
        v.push_back(make<UnrollInnerLoopCheck>());       // hls-unroll-inner-loop
        return v;
    }();
    return table;
}

} // namespace hlsv::check
