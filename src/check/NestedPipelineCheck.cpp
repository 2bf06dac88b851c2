#include "NestedPipelineCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& NestedPipelineCheck::info() const {
    static const RuleInfo r{
        "hls-nested-pipeline",
        "MLP",
        Severity::error,
        "A loop is pipelined inside a loop or function that is itself pipelined.",
        "pipeline of loop {inner} is nested in pipelined {outer}",
        "Pipelining a loop fully unrolls every loop inside it, so an inner pipeline pragma cannot "
        "be honoured (and the unrolled copies may explode in size). Pipeline one level only: "
        "usually the innermost loop, or the outer loop with the inner loops unrolled."};
    return r;
}

void NestedPipelineCheck::run(const Model& m, Sink& out) const {
    for (const auto& loop : m.loops) {
        if (!m.loop_pipelined(loop.id)) {
            continue;
        }
        // The nearest pipelined ancestor (loop or function).
        std::string outer;
        int outer_line = 0;
        for (auto p = loop.parent; p && outer.empty(); p = m.loops[*p].parent) {
            if (m.loop_pipelined(*p)) {
                outer = "loop " + m.loops[*p].describe();
                for (int id : m.loops[*p].pragmas) {
                    if (m.pragmas[id].p.directive == "pipeline") {
                        outer_line = m.pragmas[id].line;
                    }
                }
            }
        }
        if (outer.empty() && m.function_pipelined(loop.function)) {
            outer = "function '" + m.functions[loop.function].name + "'";
            for (int id : m.functions[loop.function].pragmas) {
                if (m.pragmas[id].p.directive == "pipeline") {
                    outer_line = m.pragmas[id].line;
                }
            }
        }
        if (outer.empty()) {
            continue;
        }
        for (int id : loop.pragmas) {
            const PragmaInfo& p = m.pragmas[id];
            if (p.p.directive == "pipeline" && !p.p.has("off")) {
                out.report(p.line, p.col,
                           "pipeline of loop " + loop.describe() + " is nested in pipelined " +
                               outer + " (pipeline pragma at line " + std::to_string(outer_line) +
                               "), which fully unrolls it: pipeline only one level");
                // The other end: either pragma may be the mistake.
                if (outer_line > 0) {
                    out.note(outer_line, 1,
                             "pipelined " + outer + " contains loop " + loop.describe() +
                                 ", which is pipelined too (line " + std::to_string(p.line) + ")");
                }
                break;
            }
        }
    }
}

} // namespace hlsv::check
