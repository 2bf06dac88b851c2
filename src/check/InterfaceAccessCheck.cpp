#include "InterfaceAccessCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& InterfaceAccessCheck::info() const {
    static const RuleInfo r{
        "hls-interface-access-pattern",
        "IDAP",
        Severity::error,
        "A FIFO-style port (ap_fifo, axis) is accessed out of order, more than once, or in both "
        "directions.",
        "{mode} port '{port}' is accessed {how}",
        "ap_fifo and axis ports deliver each element once, in index order, in one direction. Read "
        "the port once into a local buffer and index that, or use m_axi/bram for random access."};
    return r;
}

namespace {

// True when `var` is given a value read from an array (or returned by a call) inside `region`:
// an address that comes from the data.
bool loaded_in(const Model& m, TSNode region, std::string_view var) {
    bool found = false;
    walk(region, [&](TSNode n) {
        if (found) {
            return false;
        }
        TSNode target{}, value{};
        if (is(n, "assignment_expression")) {
            target = unwrap(field(n, "left"));
            value = field(n, "right");
        } else if (is(n, "init_declarator")) {
            target = field(n, "declarator");
            value = field(n, "value");
        }
        if (!ts_node_is_null(target) && !ts_node_is_null(value) && is(target, "identifier") &&
            m.text(target) == var) {
            walk(value, [&](TSNode v) {
                found = found || is(v, "subscript_expression") || is(v, "call_expression");
                return !found;
            });
        }
        return true;
    });
    return found;
}

// Why the index sequence of `a` is not 0, 1, 2, ... over its loop nest; "" when it is, or when
// that cannot be decided from the facts (precision first).
std::string non_sequential(const Model& m, const Access& a) {
    if (a.indices.size() != 1 || ts_node_is_null(a.indices[0])) {
        return "";
    }
    auto aff = m.affine(a.indices[0]);
    if (!aff) {
        return "with a computed index '" + std::string(m.text(a.indices[0])) + "' at line " +
               std::to_string(a.line);
    }
    auto chain = loop_chain(m, a.loop);
    for (const auto& [var, c] : aff->coeff) {
        bool is_iv = false;
        for (int l : chain) {
            is_iv = is_iv || m.loops[l].iv == var;
        }
        if (!is_iv) {
            // An address loaded from data in the loop around the access is out of order.
            if (!chain.empty() && loaded_in(m, m.loops[chain.back()].body, var)) {
                return "at addresses loaded from data (index '" +
                       std::string(m.text(a.indices[0])) + "' at line " + std::to_string(a.line) +
                       " uses '" + var + "')";
            }
            return ""; // depends on a value we do not track
        }
    }
    long long inner_span = 1;
    bool first = true;
    for (int l : chain) {
        const LoopInfo& loop = m.loops[l];
        auto it = aff->coeff.find(loop.iv);
        long long c = (loop.iv.empty() || it == aff->coeff.end()) ? 0 : it->second;
        if (c == 0) {
            if (loop.trip && *loop.trip > 1) {
                return "again on every iteration of loop " + loop.describe() + " (index '" +
                       std::string(m.text(a.indices[0])) + "' at line " + std::to_string(a.line) +
                       " does not use '" +
                       (loop.iv.empty() ? std::string("its counter") : loop.iv) + "')";
            }
            continue;
        }
        if (!loop.step) {
            return "";
        }
        long long stride = c * *loop.step;
        if (stride < 0) {
            return "in reverse order at line " + std::to_string(a.line) + " (index '" +
                   std::string(m.text(a.indices[0])) + "')";
        }
        if (first && stride != 1) {
            return "with stride " + std::to_string(stride) + " at line " + std::to_string(a.line) +
                   " (index '" + std::string(m.text(a.indices[0])) + "'), skipping elements";
        }
        if (!first && stride != inner_span) {
            return "";
        }
        first = false;
        if (!loop.trip) {
            break;
        }
        inner_span *= *loop.trip;
    }
    return "";
}

} // namespace

void InterfaceAccessCheck::run(const Model& m, Sink& out) const {
    for (const auto& p : m.pragmas) {
        if (p.p.directive != "interface") {
            continue;
        }
        std::string mode = interface_mode(p);
        if (mode != "ap_fifo" && mode != "axis") {
            continue;
        }
        int d = pragma_target(m, p, "port");
        if (d < 0 || !m.decls[d].is_param || m.decls[d].is_stream()) {
            continue;
        }
        const Decl& decl = m.decls[d];
        auto acc = accesses_of(m, d);
        std::vector<const Access*> reads, writes;
        for (const Access* a : acc) {
            if (a->read) {
                reads.push_back(a);
            }
            if (a->write) {
                writes.push_back(a);
            }
        }
        std::string how;
        if (!reads.empty() && !writes.empty()) {
            how = "in both directions (read at line " + std::to_string(reads.front()->line) +
                  ", written at line " + std::to_string(writes.front()->line) + ")";
        }
        for (const auto* group : {&reads, &writes}) {
            if (!how.empty() || group->size() < 2) {
                continue;
            }
            int unconditional = 0;
            for (const Access* a : *group) {
                unconditional += !conditional_within(*a, m.functions[p.function].body);
            }
            if (unconditional >= 2) {
                how = "at " + std::to_string(group->size()) + " places (lines " +
                      std::to_string(group->front()->line) + " and " +
                      std::to_string((*group)[1]->line) +
                      "), but each element can be taken from a FIFO only once";
            }
        }
        for (const Access* a : acc) {
            if (how.empty()) {
                how = non_sequential(m, *a);
            }
        }
        if (!how.empty()) {
            out.report(p.line, p.col, mode + " port '" + decl.name + "' is accessed " + how);
        }
    }
}

} // namespace hlsv::check
