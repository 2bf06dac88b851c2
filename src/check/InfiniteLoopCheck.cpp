#include "InfiniteLoopCheck.h"

#include "util.h"

#include <algorithm>
#include <set>

namespace hlsv::check {

const RuleInfo& InfiniteLoopCheck::info() const {
    static const RuleInfo r{"hls-infinite-loop",
                            "INF",
                            Severity::error,
                            "A loop's exit condition can never become false.",
                            "loop {loop} never exits: {why}",
                            "Make the loop update what its condition tests (the right counter, in "
                            "the right direction), "
                            "and give the counter a type wide enough to reach the bound."};
    return r;
}

namespace {

bool has_exit(TSNode body, const Model& m) {
    bool found = false;
    walk(body, [&](TSNode n) {
        if (found) {
            return false;
        }
        std::string_view t = node_type(n);
        if (t == "break_statement" || t == "return_statement" || t == "goto_statement" ||
            t == "throw_expression") {
            found = true;
        } else if (t == "call_expression") {
            std::string_view fn = m.text(field(n, "function"));
            found = fn == "exit" || fn == "abort" || fn == "std::exit" || fn == "longjmp";
        }
        return !found;
    });
    return found;
}

// Names the loop may change: assigned, incremented, address taken, passed to a call, or any
// member call (which may mutate its object).
std::set<std::string> modified_in(const Model& m, TSNode n) {
    std::set<std::string> out;
    auto base_name = [&](TSNode e) -> std::string {
        e = unwrap(e);
        while (is(e, "subscript_expression") || is(e, "field_expression") ||
               is(e, "pointer_expression")) {
            e = unwrap(is(e, "pointer_expression") ? field(e, "argument") : field(e, "argument"));
        }
        return is(e, "identifier") ? std::string(m.text(e)) : std::string();
    };
    walk(n, [&](TSNode e) {
        if (is(e, "assignment_expression")) {
            out.insert(base_name(field(e, "left")));
        } else if (is(e, "update_expression")) {
            out.insert(base_name(field(e, "argument")));
        } else if (is(e, "pointer_expression") && operator_of(e, m.src.text()) == "&") {
            out.insert(base_name(field(e, "argument")));
        } else if (is(e, "call_expression")) {
            TSNode args = field(e, "arguments");
            uint32_t k = ts_node_named_child_count(args);
            for (uint32_t i = 0; i < k; ++i) {
                out.insert(base_name(ts_node_named_child(args, i)));
            }
            TSNode fn = field(e, "function");
            if (is(fn, "field_expression")) {
                out.insert(base_name(field(fn, "argument")));
            }
        } else if (is(e, "binary_expression") && operator_of(e, m.src.text()) == ">>") {
            // stream >> x
            out.insert(base_name(field(e, "right")));
        }
        return true;
    });
    return out;
}

} // namespace

void InfiniteLoopCheck::run(const Model& m, Sink& out) const {
    for (const auto& l : m.loops) {
        if (ts_node_is_null(l.body) || has_exit(l.body, m)) {
            continue;
        }
        TSNode cond = field(l.node, "condition");
        if (is(cond, "condition_clause")) {
            cond = field(cond, "value");
        }
        // (1) A narrow counter that cannot reach its bound, or an unsigned counter tested >= 0.
        if (!l.iv.empty() && !l.iv_type.empty() && l.bound && l.step) {
            auto t = m.int_type(l.iv_type);
            if (t && t->first < 64) {
                long long max = t->second ? (1LL << (t->first - 1)) - 1 : (1LL << t->first) - 1;
                long long min = t->second ? -(1LL << (t->first - 1)) : 0;
                std::string why;
                if (*l.step > 0 && ((l.cond_op == "<" && *l.bound > max) ||
                                    (l.cond_op == "<=" && *l.bound >= max))) {
                    why = "'" + l.iv + "' is " + l.iv_type + " (at most " + std::to_string(max) +
                          "), so '" + std::string(m.text(cond)) + "' is always true";
                } else if (*l.step < 0 && ((l.cond_op == ">=" && *l.bound <= min) ||
                                           (l.cond_op == ">" && *l.bound < min))) {
                    why = "'" + l.iv + "' is " + l.iv_type + " (at least " + std::to_string(min) +
                          "), so '" + std::string(m.text(cond)) + "' is always true";
                }
                if (!why.empty()) {
                    out.report(l.line, l.col, "loop " + l.describe() + " never exits: " + why);
                    continue;
                }
            }
        }
        // (2) The counter moves away from the bound.
        if (!l.iv.empty() && l.init && l.bound && l.step && !l.trip) {
            bool holds = (l.cond_op == "<" && *l.init < *l.bound) ||
                         (l.cond_op == "<=" && *l.init <= *l.bound) ||
                         (l.cond_op == ">" && *l.init > *l.bound) ||
                         (l.cond_op == ">=" && *l.init >= *l.bound) ||
                         (l.cond_op == "!=" && *l.init != *l.bound);
            bool away = ((l.cond_op == "<" || l.cond_op == "<=") && *l.step < 0) ||
                        ((l.cond_op == ">" || l.cond_op == ">=") && *l.step > 0) ||
                        (l.cond_op == "!=");
            if (holds && away && modified_in(m, l.body).count(l.iv) == 0) {
                out.report(l.line, l.col,
                           "loop " + l.describe() + " never exits: '" + l.iv + "' starts at " +
                               std::to_string(*l.init) + " and moves by " +
                               std::to_string(*l.step) + ", away from (or past) the bound in '" +
                               std::string(m.text(cond)) + "'");
                continue;
            }
        }
        // (3) Nothing the condition reads changes in the loop.
        std::string why;
        bool calls = false;
        walk(l.body, [&](TSNode n) {
            calls = calls || is(n, "call_expression");
            return !calls;
        });
        if ((ts_node_is_null(cond) || m.eval(cond)) && calls) {
            continue; // a call may exit, throw or longjmp: not provable
        }
        if (ts_node_is_null(cond)) {
            why = l.kind == "for" ? "it has no condition and no break/return" : "";
        } else if (auto v = m.eval(cond); v && *v != 0) {
            why = "its condition '" + std::string(m.text(cond)) +
                  "' is a non-zero constant and the body has no break/return";
        } else if (!v) {
            std::set<std::string> names;
            bool opaque = false;
            walk(cond, [&](TSNode e) {
                if (is(e, "call_expression") || is(e, "field_expression") ||
                    is(e, "pointer_expression") || is(e, "subscript_expression")) {
                    opaque = true; // reads memory or calls: we cannot see what changes it
                    return false;
                }
                if (is(e, "identifier")) {
                    names.insert(std::string(m.text(e)));
                }
                return true;
            });
            if (opaque || names.empty()) {
                continue;
            }
            // Most loops update what they test in their header: a cheap look there first,
            // since the walk over the whole loop is what costs on long files.
            TSNode update = field(l.node, "update");
            if (!ts_node_is_null(update)) {
                auto in_update = modified_in(m, update);
                if (std::any_of(names.begin(), names.end(), [&](const std::string& nm) {
                        return !m.eval(nm) && in_update.count(nm) > 0;
                    })) {
                    continue;
                }
            }
            auto changed = modified_in(m, l.node);
            if (!contains(l.node, l.body)) { // a brace-less body the model took in after a pragma
                auto in_body = modified_in(m, l.body);
                changed.insert(in_body.begin(), in_body.end());
            }
            bool all_local = true;
            std::string list;
            for (const auto& nm : names) {
                if (m.eval(nm)) {
                    continue; // a named constant
                }
                int d = m.find_decl(nm, l.function);
                if (d < 0 || m.decls[d].is_global || m.decls[d].is_static ||
                    m.decls[d].is_pointer || m.decls[d].is_reference ||
                    m.decls[d].type.find("volatile") != std::string::npos || changed.count(nm)) {
                    all_local = false;
                    break;
                }
                list += (list.empty() ? "'" : ", '") + nm + "'";
            }
            if (!all_local || list.empty()) {
                continue;
            }
            why = "nothing in it changes " + list + ", which its condition '" +
                  std::string(m.text(cond)) + "' tests";
        }
        if (!why.empty()) {
            out.report(l.line, l.col, "loop " + l.describe() + " never exits: " + why);
        }
    }
}

} // namespace hlsv::check
