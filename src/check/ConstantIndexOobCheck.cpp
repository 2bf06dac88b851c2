#include "ConstantIndexOobCheck.h"

#include "util.h"

#include <unordered_map>

namespace hlsv::check {

const RuleInfo& ConstantIndexOobCheck::info() const {
    static const RuleInfo r{
        "hls-constant-index-out-of-bounds",
        "OOB",
        Severity::error,
        "A constant index, or an index driven by a constant-bound loop, goes past an array "
        "dimension.",
        "index '{index}' of '{array}' reaches {value} but the dimension has {size} elements",
        "Keep every index inside 0..size-1: check the loop bound (< versus <=), the start value "
        "and "
        "any offset added to the loop counter. In hardware an out-of-bounds access reads or "
        "corrupts a neighbouring memory or wraps silently."};
    return r;
}

namespace {

bool has_jump(TSNode body) {
    bool found = false;
    walk(body, [&](TSNode n) {
        found = found || is(n, "continue_statement") || is(n, "break_statement") ||
                is(n, "return_statement") || is(n, "goto_statement");
        return !found;
    });
    return found;
}

} // namespace

void ConstantIndexOobCheck::run(const Model& m, Sink& out) const {
    // Whether a loop body holds a jump, once per body: a long kernel has many accesses per loop,
    // and the LSP runs this check on every keystroke.
    std::unordered_map<const void*, bool> jumps;
    for (const auto& a : m.accesses) {
        if (a.decl < 0) {
            continue;
        }
        const Decl& decl = m.decls[a.decl];
        std::size_t n = std::min(a.indices.size(), decl.dims.size());
        for (std::size_t k = 0; k < n; ++k) {
            if (!decl.dims[k] || ts_node_is_null(a.indices[k])) {
                continue;
            }
            long long size = *decl.dims[k];
            auto aff = m.affine(a.indices[k]);
            if (!aff) {
                continue;
            }
            long long lo = aff->constant, hi = aff->constant;
            std::string why;
            bool ok = true;
            TSNode outermost_body{};
            for (const auto& [var, c] : aff->coeff) {
                const LoopInfo* loop = nullptr;
                for (int l : loop_chain(m, a.loop)) {
                    if (m.loops[l].iv == var) {
                        loop = &m.loops[l];
                        break;
                    }
                }
                if (!loop || !loop->init || !loop->step || !loop->trip || *loop->trip < 1) {
                    ok = false;
                    break;
                }
                long long first = *loop->init;
                long long last = *loop->init + (*loop->trip - 1) * *loop->step;
                long long vmin = std::min(first, last), vmax = std::max(first, last);
                lo += c > 0 ? c * vmin : c * vmax;
                hi += c > 0 ? c * vmax : c * vmin;
                why += (why.empty() ? "" : ", ") + std::string("loop ") + loop->describe() +
                       " runs " + var + " = " + std::to_string(first) + ".." + std::to_string(last);
                if (ts_node_is_null(outermost_body) || contains(loop->body, outermost_body)) {
                    outermost_body = loop->body;
                }
            }
            if (!ok) {
                continue;
            }
            // A guard (if / ?:, or an early continue/break) may keep the index in range.
            if (!aff->coeff.empty()) {
                auto [it, fresh] = jumps.try_emplace(outermost_body.id, false);
                if (fresh) {
                    it->second = has_jump(outermost_body);
                }
                if (it->second || conditional_within(a, outermost_body)) {
                    continue;
                }
            }
            if (hi >= size || lo < 0) {
                long long bad = hi >= size ? hi : lo;
                out.report(a.line, a.col,
                           "index '" + std::string(m.text(a.indices[k])) + "' of '" + decl.name +
                               "' reaches " + std::to_string(bad) + " but dimension " +
                               std::to_string(k + 1) + " has " + std::to_string(size) +
                               " elements (0.." + std::to_string(size - 1) + ")" +
                               (why.empty() ? "" : ": " + why));
                break;
            }
        }
    }
}

} // namespace hlsv::check
