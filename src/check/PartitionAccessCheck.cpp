#include "PartitionAccessCheck.h"

#include "util.h"

#include <map>
#include <set>

namespace hlsv::check {

const RuleInfo& PartitionAccessCheck::info() const {
    static const RuleInfo r{
        "hls-partition-access-pattern",
        "APT",
        Severity::warning,
        "An array_partition type puts the elements an unrolled or pipelined loop accesses in "
        "parallel into the same bank.",
        "type={type} puts the elements {loop} accesses in parallel into {banks} of {factor} banks",
        "cyclic partitioning spreads consecutive elements over the banks (for loops unrolled over "
        "a[i]); block partitioning keeps runs of consecutive elements together (for loops unrolled "
        "over a[k*size + i] with k unrolled). Pick the type that gives each parallel access its "
        "own bank."};
    return r;
}

namespace {

struct Group {
    std::string where;
    std::set<long long> values;
    int line = 0;
};

} // namespace

void PartitionAccessCheck::run(const Model& m, Sink& out) const {
    for (const auto& p : m.pragmas) {
        if ((p.p.directive != "array_partition" && p.p.directive != "array_reshape") ||
            p.p.has("off")) {
            continue;
        }
        std::string type = p.p.get("type").value_or("complete");
        auto factor = m.eval(p.p.get("factor").value_or(""));
        auto dim = m.eval(p.p.get("dim").value_or("1"));
        int d = pragma_target(m, p, "variable");
        if ((type != "cyclic" && type != "block") || !factor || *factor < 2 || !dim || *dim < 1 ||
            d < 0) {
            continue;
        }
        const Decl& decl = m.decls[d];
        if (static_cast<std::size_t>(*dim) > decl.dims.size() || !decl.dims[*dim - 1]) {
            continue;
        }
        long long size = *decl.dims[*dim - 1];
        long long F = *factor;
        long long block = (size + F - 1) / F;
        std::map<std::string, Group> groups; // keyed by the region that runs accesses together
        for (const Access* a : accesses_of(m, d)) {
            if (a->indices.size() != decl.dims.size() || ts_node_is_null(a->indices[*dim - 1])) {
                continue;
            }
            auto aff = m.affine(a->indices[*dim - 1]);
            if (!aff) {
                continue;
            }
            // Loops whose iterations run in parallel, innermost outwards, up to the first
            // sequential or pipelined loop (the region root).
            std::vector<std::pair<const LoopInfo*, long long>> par;
            std::string root = "function";
            bool ok = true;
            bool in_pipeline = false;
            for (int l : loop_chain(m, a->loop)) {
                const LoopInfo& loop = m.loops[l];
                if (m.loop_pipelined(l)) {
                    root = "pipelined loop " + loop.describe();
                    in_pipeline = true;
                    break;
                }
                auto u = m.parallel_factor(l);
                if (!u) {
                    ok = false;
                    break;
                }
                if (*u <= 1) {
                    root = "loop " + loop.describe();
                    break;
                }
                if (!loop.init || !loop.step || loop.iv.empty()) {
                    ok = false;
                    break;
                }
                par.emplace_back(&loop, *u);
            }
            if (!ok || (par.empty() && !in_pipeline)) {
                continue;
            }
            std::string where =
                par.empty() ? root : "unrolled loop " + par.front().first->describe();
            // Enumerate the parallel iterations; every other variable takes its loop's first value.
            std::map<std::string, long long> fixed;
            for (int l : loop_chain(m, a->loop)) {
                if (!m.loops[l].iv.empty()) {
                    fixed[m.loops[l].iv] = m.loops[l].init.value_or(0);
                }
            }
            Group& g = groups[root];
            if (g.where.empty()) {
                g.where = where;
                g.line = a->line;
            }
            std::vector<long long> ks(par.size(), 0);
            for (int guard = 0; guard < 4096; ++guard) {
                long long v = aff->constant;
                std::map<std::string, long long> vals = fixed;
                for (std::size_t i = 0; i < par.size(); ++i) {
                    vals[par[i].first->iv] = *par[i].first->init + ks[i] * *par[i].first->step;
                }
                for (const auto& [var, c] : aff->coeff) {
                    auto it = vals.find(var);
                    v += c * (it == vals.end() ? 0 : it->second);
                }
                if (v >= 0 && v < size) {
                    g.values.insert(v);
                }
                std::size_t i = 0;
                while (i < par.size() && ++ks[i] >= par[i].second) {
                    ks[i++] = 0;
                }
                if (i == par.size()) {
                    break;
                }
            }
        }
        for (const auto& [root, g] : groups) {
            if (g.values.size() < 2) {
                continue;
            }
            std::set<long long> cyc, blk;
            for (long long v : g.values) {
                cyc.insert(v % F);
                blk.insert(v / block);
            }
            std::size_t mine = type == "cyclic" ? cyc.size() : blk.size();
            std::size_t other = type == "cyclic" ? blk.size() : cyc.size();
            std::size_t want = std::min<std::size_t>(g.values.size(), static_cast<std::size_t>(F));
            if (mine < other && mine < want) {
                out.report(p.line, p.col,
                           p.p.directive + " type=" + type + " factor=" + std::to_string(F) +
                               " on '" + decl.name + "' puts the " +
                               std::to_string(g.values.size()) + " elements that " + g.where +
                               " (line " + std::to_string(g.line) + ") accesses in parallel into " +
                               std::to_string(mine) + " of " + std::to_string(F) +
                               " banks; type=" + (type == "cyclic" ? "block" : "cyclic") +
                               " would use " + std::to_string(other));
                break;
            }
        }
    }
}

} // namespace hlsv::check
