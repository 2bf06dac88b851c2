#include "PartitionAccessCheck.h"

#include "util.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

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

// Concrete integer evaluation of an index expression: loop counters and sampled scalar
// parameters come from `env`; a local variable initialised once and never assigned again is
// replaced by its initialiser (`int top = (group << (stage + 1)) + pos;`).
class IndexEval {
  public:
    IndexEval(const Model& m, int function) : m_(m), function_(function) {}

    std::map<std::string, long long> env;
    bool used_param = false; ///< a sampled scalar parameter took part

    std::optional<long long> operator()(TSNode n) { return eval(n, 0); }

  private:
    const Model& m_;
    int function_;

    std::optional<long long> eval(TSNode n, int depth) {
        n = unwrap(n);
        if (ts_node_is_null(n) || depth > 16) {
            return std::nullopt;
        }
        std::string_view t = node_type(n);
        if (t == "number_literal") {
            return m_.eval(n);
        }
        if (t == "identifier") {
            return name(n, depth);
        }
        if (t == "unary_expression") {
            auto v = eval(field(n, "argument"), depth + 1);
            std::string_view op = operator_of(n, m_.src.text());
            if (!v) {
                return std::nullopt;
            }
            return op == "-"   ? std::optional(-*v)
                   : op == "+" ? v
                   : op == "~" ? std::optional(~*v)
                               : std::nullopt;
        }
        if (t != "binary_expression") {
            return std::nullopt;
        }
        auto l = eval(field(n, "left"), depth + 1);
        auto r = eval(field(n, "right"), depth + 1);
        if (!l || !r) {
            return std::nullopt;
        }
        std::string_view op = operator_of(n, m_.src.text());
        long long a = *l, b = *r;
        if (op == "+")
            return a + b;
        if (op == "-")
            return a - b;
        if (op == "*")
            return a * b;
        if (op == "&")
            return a & b;
        if (op == "|")
            return a | b;
        if (op == "^")
            return a ^ b;
        if ((op == "/" || op == "%") && b != 0)
            return op == "/" ? a / b : a % b;
        if ((op == "<<" || op == ">>") && b >= 0 && b < 48 && a >= 0) {
            return op == "<<" ? a << b : a >> b;
        }
        return std::nullopt;
    }

    std::optional<long long> name(TSNode n, int depth) {
        std::string nm(m_.text(n));
        if (auto it = env.find(nm); it != env.end()) {
            const Decl* d = decl_of(nm);
            used_param = used_param || (d && d->is_param);
            return it->second;
        }
        if (auto v = m_.eval(n)) {
            return v;
        }
        const Decl* d = decl_of(nm);
        if (!d || d->is_param || d->is_array() || d->is_pointer || !d->has_init || assigned(nm)) {
            return std::nullopt;
        }
        TSNode init{};
        for_each_field(d->node, "declarator", [&](TSNode dn) {
            if (is(dn, "init_declarator") && m_.text(field(dn, "declarator")) == nm) {
                init = field(dn, "value");
            }
        });
        return eval(init, depth + 1);
    }

    const Decl* decl_of(const std::string& nm) const {
        int d = m_.find_decl(nm, function_);
        return d < 0 ? nullptr : &m_.decls[d];
    }

    // True when the function body assigns `nm` after its declaration (=, op=, ++, --).
    bool assigned(const std::string& nm) {
        if (auto it = assigned_.find(nm); it != assigned_.end()) {
            return it->second;
        }
        bool found = false;
        if (function_ >= 0) {
            walk(m_.functions[function_].body, [&](TSNode x) {
                TSNode target{};
                if (is(x, "assignment_expression")) {
                    target = field(x, "left");
                } else if (is(x, "update_expression")) {
                    target = field(x, "argument");
                }
                found = found || (is(target, "identifier") && m_.text(target) == nm);
                return !found;
            });
        }
        assigned_[nm] = found;
        return found;
    }

    std::map<std::string, bool> assigned_;
};

struct Group {
    std::string where;
    std::set<long long> values;
    int line = 0;
};

// Values a scalar parameter is tried with when an index depends on it (a run-time stage
// number, a shift): the mismatch must show for most of them.
constexpr long long k_param_samples = 8;
// Iterations of the pipelined loop that roots a group, each one a separate parallel group.
constexpr int k_root_iterations = 8;

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
        // The array's own accesses and those of callee parameters it is passed to.
        std::vector<const Access*> accs = accesses_of(m, d);
        for (int q : callee_params(m, d)) {
            const Decl& pd = m.decls[q];
            std::size_t rank = pd.dims.size() + (pd.is_pointer ? 1 : 0);
            if (rank == decl.dims.size()) {
                for (const Access* a : accesses_of(m, q)) {
                    accs.push_back(a);
                }
            }
        }
        // Keyed by (sample, region root, root iteration): the accesses that run together.
        std::map<std::tuple<long long, std::string, int>, Group> groups;
        long long samples = 1;
        for (long long sample = 0; sample < samples; ++sample) {
            for (const Access* a : accs) {
                if (a->indices.size() != decl.dims.size() ||
                    ts_node_is_null(a->indices[*dim - 1])) {
                    continue;
                }
                // Loops whose iterations run in parallel, innermost outwards, up to the first
                // sequential or pipelined loop (the region root).
                std::vector<std::pair<const LoopInfo*, long long>> par;
                std::string root = "function";
                const LoopInfo* root_loop = nullptr;
                bool ok = true;
                bool in_pipeline = false;
                for (int l : loop_chain(m, a->loop)) {
                    const LoopInfo& loop = m.loops[l];
                    if (m.loop_pipelined(l)) {
                        root = "pipelined loop " + loop.describe();
                        root_loop = &loop;
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
                IndexEval ev(m, a->function);
                // Every other loop counter takes its loop's first value.
                for (int l : loop_chain(m, a->loop)) {
                    if (!m.loops[l].iv.empty()) {
                        ev.env[m.loops[l].iv] = m.loops[l].init.value_or(0);
                    }
                }
                if (a->function >= 0) {
                    for (int q : m.functions[a->function].params) {
                        const Decl& pd = m.decls[q];
                        if (!pd.is_array() && !pd.is_pointer && !ev.env.count(pd.name)) {
                            ev.env[pd.name] = sample;
                        }
                    }
                }
                int root_iters = 1;
                if (root_loop && !root_loop->iv.empty() && root_loop->init && root_loop->step &&
                    *root_loop->step != 0) {
                    root_iters = static_cast<int>(
                        std::min<long long>(k_root_iterations, root_loop->trip.value_or(1)));
                }
                for (int it = 0; it < std::max(root_iters, 1); ++it) {
                    if (root_iters > 1) {
                        ev.env[root_loop->iv] = *root_loop->init + it * *root_loop->step;
                    }
                    Group& g = groups[{sample, root, it}];
                    if (g.where.empty()) {
                        g.where = where;
                        g.line = a->line;
                    }
                    // Enumerate the parallel iterations.
                    std::vector<long long> ks(par.size(), 0);
                    for (int guard = 0; guard < 4096; ++guard) {
                        for (std::size_t i = 0; i < par.size(); ++i) {
                            ev.env[par[i].first->iv] =
                                *par[i].first->init + ks[i] * *par[i].first->step;
                        }
                        auto v = ev(a->indices[*dim - 1]);
                        if (v && *v >= 0 && *v < size) {
                            g.values.insert(*v);
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
                if (ev.used_param) {
                    samples = k_param_samples;
                }
            }
        }
        // Judge every group: it fits when the type spreads its elements over more banks than
        // the other type would, and mismatches when it uses fewer (and fewer than it could).
        int bad = 0, good = 0;
        const Group* first_bad = nullptr;
        std::size_t first_mine = 0, first_other = 0;
        for (const auto& [key, g] : groups) {
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
                ++bad;
                if (!first_bad) {
                    first_bad = &g;
                    first_mine = mine;
                    first_other = other;
                }
            } else if (other < mine) {
                ++good;
            }
        }
        if (first_bad && bad > good) {
            const Group& g = *first_bad;
            out.report(p.line, p.col,
                       p.p.directive + " type=" + type + " factor=" + std::to_string(F) + " on '" +
                           decl.name + "' puts the " + std::to_string(g.values.size()) +
                           " elements that " + g.where + " (line " + std::to_string(g.line) +
                           ") accesses in parallel into " + std::to_string(first_mine) + " of " +
                           std::to_string(F) +
                           " banks; type=" + (type == "cyclic" ? "block" : "cyclic") +
                           " would use " + std::to_string(first_other));
        }
    }
}

} // namespace hlsv::check
