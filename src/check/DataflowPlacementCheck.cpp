#include "DataflowPlacementCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& DataflowPlacementCheck::info() const {
    static const RuleInfo r{
        "hls-dataflow-placement",
        "DFP",
        Severity::warning,
        "A dataflow pragma sits where there is no region of calls and loops for it to overlap.",
        "dataflow pragma {why}",
        "Place `#pragma HLS dataflow` at the top of a function (or loop) body whose statements are "
        "only declarations, function calls and loops that communicate through arrays or streams. "
        "Move other computation into one of those tasks."};
    return r;
}

namespace {

bool is_task(TSNode s) {
    std::string_view t = node_type(s);
    if (t == "declaration" || t == "preproc_call" || t == "for_statement" ||
        t == "while_statement" || t == "do_statement" || t == "return_statement" ||
        t == "comment" || t == "type_definition" || t == "static_assert_declaration" ||
        t == "alias_declaration") {
        return true;
    }
    if (t == "labeled_statement") {
        uint32_t n = ts_node_named_child_count(s);
        return n > 0 && is_task(ts_node_named_child(s, n - 1));
    }
    if (t == "compound_statement") {
        uint32_t n = ts_node_named_child_count(s);
        for (uint32_t i = 0; i < n; ++i) {
            if (!is_task(ts_node_named_child(s, i))) {
                return false;
            }
        }
        return true;
    }
    if (t == "expression_statement") {
        TSNode e = ts_node_named_child_count(s) ? ts_node_named_child(s, 0) : TSNode{};
        return ts_node_is_null(e) || is(e, "call_expression");
    }
    return false;
}

} // namespace

void DataflowPlacementCheck::run(const Model& m, Sink& out) const {
    for (const auto& p : m.pragmas) {
        if (p.p.directive != "dataflow" || p.function < 0) {
            continue;
        }
        if (p.in_nested_block) {
            out.report(p.line, p.col,
                       "dataflow pragma is inside a conditional or plain block, not at the top of "
                       "a function or loop body");
            continue;
        }
        if (p.loop) {
            if (auto anc = m.pipelined_ancestor(*p.loop); anc || m.loop_pipelined(*p.loop)) {
                out.report(
                    p.line, p.col,
                    "dataflow pragma is in loop " + m.loops[*p.loop].describe() +
                        ", which is pipelined or inside a pipeline: the tasks are unrolled away");
                continue;
            }
        } else if (m.function_pipelined(p.function)) {
            out.report(p.line, p.col,
                       "dataflow pragma is in function '" + m.functions[p.function].name +
                           "', which is also pipelined: use one or the other");
            continue;
        }
        TSNode body = p.loop ? m.loops[*p.loop].body : m.functions[p.function].body;
        if (!is(body, "compound_statement")) {
            continue;
        }
        uint32_t n = ts_node_named_child_count(body);
        int tasks = 0;
        for (uint32_t i = 0; i < n; ++i) {
            TSNode s = ts_node_named_child(body, i);
            if (!is_task(s)) {
                out.report(
                    p.line, p.col,
                    "dataflow pragma governs a region with a statement that is not a function call "
                    "or loop at line " +
                        std::to_string(line_of(s)) + " ('" +
                        std::string(trim(m.src.line(line_of(s)))) +
                        "'): dataflow needs a sequence of tasks");
                tasks = -1000;
                break;
            }
            std::string_view t = node_type(s);
            tasks += t == "for_statement" || t == "while_statement" || t == "do_statement" ||
                     t == "labeled_statement" || t == "expression_statement";
        }
        if (tasks >= 0 && tasks < 2) {
            out.report(p.line, p.col,
                       "dataflow pragma governs a region with fewer than two tasks (calls or "
                       "loops): nothing can overlap");
        }
    }
}

} // namespace hlsv::check
