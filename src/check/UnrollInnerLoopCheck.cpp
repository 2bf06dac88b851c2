#include "UnrollInnerLoopCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& UnrollInnerLoopCheck::info() const {
    static const RuleInfo r{
        "hls-unroll-inner-loop",
        "ILNU",
        Severity::warning,
        "A loop is unrolled while a loop nested in it is not fully unrolled.",
        "loop {outer} is unrolled but its inner loop {inner} is not fully unrolled",
        "Unrolling an outer loop copies its inner loops, which stay sequential: the copies cannot "
        "run in parallel and the design grows without speed-up. Fully unroll the inner loops "
        "too (`#pragma HLS unroll` in their bodies), or pipeline the outer loop instead."};
    return r;
}

void UnrollInnerLoopCheck::run(const Model& m, Sink& out) const {
    for (const auto& loop : m.loops) {
        const PragmaInfo* u = m.unroll_pragma(loop.id);
        if (!u || u->p.has("off") || m.pipelined_ancestor(loop.id) || m.loop_pipelined(loop.id)) {
            continue; // inside a pipeline every inner loop is unrolled anyway
        }
        // The first descendant loop that is not fully unrolled.
        std::vector<int> stack(loop.children.rbegin(), loop.children.rend());
        while (!stack.empty()) {
            int c = stack.back();
            stack.pop_back();
            const PragmaInfo* cu = m.unroll_pragma(c);
            bool full = cu && !cu->p.has("off") && m.fully_unrolled(c);
            if (!full) {
                std::string why = !cu                ? "has no unroll pragma"
                                  : cu->p.has("off") ? "has unroll off"
                                                     : "is only partially unrolled";
                out.report(u->line, u->col,
                           "loop " + loop.describe() + " is unrolled but its inner loop " +
                               m.loops[c].describe() + " " + why +
                               ", so the unrolled copies still run it sequentially");
                break;
            }
            stack.insert(stack.end(), m.loops[c].children.rbegin(), m.loops[c].children.rend());
        }
    }
}

} // namespace hlsv::check
