#include "MaxiRandomAccessCheck.h"

#include "util.h"

#include <algorithm>
#include <functional>

namespace hlsv::check {

const RuleInfo& MaxiRandomAccessCheck::info() const {
    static const RuleInfo r{
        "hls-maxi-random-access",
        "RAMB",
        Severity::warning,
        "An m_axi port is indexed with a data-dependent or computed address inside a pipelined "
        "loop.",
        "m_axi port '{port}' is accessed at a data-dependent address inside pipelined {region}",
        "AXI bursts need addresses that advance with the loop counter. Copy the needed range into "
        "a local buffer first (a burst), index the buffer randomly, and write back in order; or "
        "use "
        "a bram/ap_memory interface for random access."};
    return r;
}

namespace {

bool written_in(const Model& m, TSNode region, std::string_view var) {
    bool found = false;
    walk(region, [&](TSNode n) {
        if (found) {
            return false;
        }
        if (is(n, "assignment_expression")) {
            TSNode l = unwrap(field(n, "left"));
            found = is(l, "identifier") && m.text(l) == var;
        } else if (is(n, "update_expression")) {
            TSNode l = unwrap(field(n, "argument"));
            found = is(l, "identifier") && m.text(l) == var;
        } else if (is(n, "init_declarator")) {
            TSNode l = field(n, "declarator");
            found = is(l, "identifier") && m.text(l) == var;
        }
        return true;
    });
    return found;
}

// True when `index` is a sum of terms, each a constant, a name the region does not write
// (loop-invariant: `size`, `offset`), a loop counter, or a product of those in which at most
// one factor varies: `j + size * i` is linear with the stride `size`, unknown to us but fixed,
// so bursts can form and nothing says they cannot.
bool linear_with_invariants(const Model& m, TSNode index, TSNode region,
                            const std::vector<std::string>& counters) {
    auto varies = [&](std::string_view name) {
        return std::find(counters.begin(), counters.end(), name) != counters.end();
    };
    // nullopt when not linear, else whether the term depends on a loop counter.
    std::function<std::optional<bool>(TSNode)> term = [&](TSNode n) -> std::optional<bool> {
        n = unwrap(n);
        if (is(n, "number_literal")) {
            return false;
        }
        if (is(n, "identifier")) {
            if (varies(m.text(n))) {
                return true;
            }
            if (written_in(m, region, m.text(n))) {
                return std::nullopt; // computed in the loop: could be anything
            }
            return false;
        }
        if (is(n, "binary_expression")) {
            std::string_view op = operator_of(n, m.src.text());
            auto l = term(field(n, "left"));
            auto r = term(field(n, "right"));
            if (!l || !r) {
                return std::nullopt;
            }
            if (op == "+" || op == "-") {
                return *l || *r;
            }
            if (op == "*" || op == "<<") {
                if (*l && *r) {
                    return std::nullopt; // i * j
                }
                return *l || *r;
            }
        }
        return std::nullopt;
    };
    return term(index).has_value();
}

} // namespace

void MaxiRandomAccessCheck::run(const Model& m, Sink& out) const {
    for (const auto& p : m.pragmas) {
        if (p.p.directive != "interface" || interface_mode(p) != "m_axi") {
            continue;
        }
        int d = pragma_target(m, p, "port");
        if (d < 0 || !m.decls[d].is_param) {
            continue;
        }
        const Decl& decl = m.decls[d];
        for (const Access* a : accesses_of(m, d)) {
            // The pipelined region the access runs in.
            std::optional<int> region;
            for (int l : loop_chain(m, a->loop)) {
                if (m.loop_pipelined(l)) {
                    region = l;
                }
            }
            bool fn_pipe = !region && m.function_pipelined(a->function);
            // Every subscript counts: emit[s][obs[t]] is random in its second dimension.
            std::string why, idx;
            bool outside_indirect = false;
            for (TSNode index : a->indices) {
                if (ts_node_is_null(index) || !why.empty() || outside_indirect) {
                    continue;
                }
                idx = std::string(m.text(index));
                bool indirect = false;
                walk(index, [&](TSNode n) {
                    indirect =
                        indirect || is(n, "subscript_expression") || is(n, "call_expression");
                    return !indirect;
                });
                if (!region && !fn_pipe) {
                    // Outside a pipeline only an address loaded from data is surely random.
                    outside_indirect = indirect;
                    continue;
                }
                auto aff = m.affine(index);
                if (!aff && !indirect && region) {
                    std::vector<std::string> counters;
                    for (int l : loop_chain(m, a->loop)) {
                        counters.push_back(m.loops[l].iv);
                    }
                    if (linear_with_invariants(m, index, m.loops[*region].body, counters)) {
                        continue;
                    }
                }
                if (!aff) {
                    why = indirect ? "the index '" + idx + "' is loaded from data"
                                   : "the index '" + idx + "' is not linear in the loop counters";
                } else if (region) {
                    // A stride of the pipelined loop's own counter: consecutive iterations
                    // touch addresses `stride` apart, so no burst forms, unless other accesses
                    // of the port in the same region fill the gaps (out[2*i], out[2*i+1]).
                    const std::string& piv = m.loops[*region].iv;
                    if (auto it = aff->coeff.find(piv);
                        !piv.empty() && it != aff->coeff.end() && std::llabs(it->second) >= 2) {
                        long long fills = 0;
                        for (const Access& other : m.accesses) {
                            fills += other.decl == a->decl &&
                                     ts_node_start_byte(other.node) >=
                                         ts_node_start_byte(m.loops[*region].body) &&
                                     ts_node_end_byte(other.node) <=
                                         ts_node_end_byte(m.loops[*region].body);
                        }
                        if (fills < std::llabs(it->second)) {
                            why = "the index '" + idx + "' steps by " + std::to_string(it->second) +
                                  " per iteration of '" + piv + "'";
                        }
                    }
                    for (const auto& [var, c] : aff->coeff) {
                        if (!why.empty()) {
                            break;
                        }
                        bool is_iv = false;
                        for (int l : loop_chain(m, a->loop)) {
                            is_iv = is_iv || m.loops[l].iv == var;
                        }
                        if (!is_iv && written_in(m, m.loops[*region].body, var)) {
                            why = "the index uses '" + var + "', which is computed inside the loop";
                            break;
                        }
                    }
                }
            }
            if (outside_indirect) {
                out.report(p.line, p.col,
                           "m_axi port '" + decl.name +
                               "' is read at data-dependent addresses (index '" + idx +
                               "' at line " + std::to_string(a->line) +
                               "), so every access is a separate AXI transaction");
                break;
            }
            if (why.empty()) {
                continue;
            }
            std::string where = region ? "loop " + m.loops[*region].describe()
                                       : "function '" + m.functions[a->function].name + "'";
            // Reported at the interface pragma: the mode is what contradicts the access.
            out.report(p.line, p.col,
                       "m_axi port '" + decl.name +
                           "' is accessed at a random address inside pipelined " + where +
                           " (line " + std::to_string(a->line) + "): " + why +
                           ", so no burst can be formed");
            break;
        }
    }
}

} // namespace hlsv::check
