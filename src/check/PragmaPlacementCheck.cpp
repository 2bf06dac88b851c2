#include "PragmaPlacementCheck.h"

#include "util.h"

#include <algorithm>

namespace hlsv::check {

const RuleInfo& PragmaPlacementCheck::info() const {
    static const RuleInfo r{
        "hls-pragma-placement",
        std::nullopt,
        Severity::error,
        "A loop or function pragma is placed where there is no loop or function body for it to "
        "govern.",
        "{directive} pragma at {where} governs no {what}",
        "Loop pragmas (unroll, loop_tripcount, loop_flatten) go at the top of the loop body they "
        "govern; pipeline goes in a loop body or function body; function pragmas go inside the "
        "function body. The closest catalog type is ILNU for unroll, MLP for pipeline and DFP for "
        "dataflow."};
    return r;
}

namespace {

std::optional<std::string> type_for(std::string_view directive) {
    if (directive == "unroll") {
        return "ILNU";
    }
    if (directive == "pipeline") {
        return "MLP";
    }
    if (directive == "dataflow") {
        return "DFP";
    }
    return std::nullopt;
}

} // namespace

void PragmaPlacementCheck::run(const Model& m, Sink& out) const {
    static const std::vector<std::string> k_loop_only = {"unroll", "loop_tripcount",
                                                         "loop_flatten"};
    static const std::vector<std::string> k_in_function = {
        "pipeline",      "unroll",  "loop_tripcount", "loop_flatten",
        "dataflow",      "inline",  "interface",      "array_partition",
        "array_reshape", "latency", "stream",         "bind_storage"};
    for (const auto& p : m.pragmas) {
        const std::string& d = p.p.directive;
        auto type = type_for(d);
        auto note = [&](const std::string& msg) {
            out.report(p.line, p.col, type ? msg + " (closest catalog type: " + *type + ")" : msg,
                       type);
        };
        if (p.function < 0) {
            if (std::find(k_in_function.begin(), k_in_function.end(), d) != k_in_function.end()) {
                note(d + " pragma is outside any function body, so it governs nothing");
            }
            continue;
        }
        bool loop_only = std::find(k_loop_only.begin(), k_loop_only.end(), d) != k_loop_only.end();
        if (loop_only && !p.loop) {
            note(d + " pragma is in the body of function '" + m.functions[p.function].name +
                 "' but not in any loop, so it governs no loop");
            continue;
        }
        if ((loop_only || d == "pipeline") && p.in_nested_block) {
            note(d + " pragma is inside a conditional or plain block rather than at the top of a "
                     "loop body");
        }
    }
}

} // namespace hlsv::check
