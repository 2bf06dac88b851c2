#include "AptRule.h"

#include "scan.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <set>

namespace hlsv::inject {

namespace {

bool is_caps(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) ||
               std::isdigit(static_cast<unsigned char>(c)) || c == '_';
    });
}

// One subscript of the partitioned dimension: its tokens and the loop it sits in.
struct PartitionUse {
    std::vector<std::string_view> index;
    int loop = -1;
};

// The subscripts along dimension `dim` (1-based) of every `name[...]...[...]` in the body of
// `f` with at least `dim` subscripts.
void collect_uses(const Scan& s, const ScanFunction& f, const std::string& name, std::size_t dim,
                  std::vector<PartitionUse>& out) {
    auto [b, e] = token_range(s, f.body_begin, f.body_end);
    for (std::size_t i = b; i + 1 < e; ++i) {
        if (s.toks[i].text != name || s.toks[i + 1].text != "[" ||
            (i > b && (s.toks[i - 1].text == "." || s.toks[i - 1].text == "->"))) {
            continue;
        }
        std::size_t j = i + 1;
        for (std::size_t d = 1; j < e && s.toks[j].text == "["; ++d) {
            PartitionUse u;
            int depth = 0;
            for (; j < e; ++j) {
                depth += s.toks[j].text == "[" ? 1 : s.toks[j].text == "]" ? -1 : 0;
                if (depth == 0) {
                    break;
                }
                if (d == dim && !(depth == 1 && s.toks[j].text == "[")) {
                    u.index.push_back(s.toks[j].text);
                }
            }
            ++j;
            if (d == dim) {
                u.loop = s.loop_at(s.src->line_of(s.toks[i].begin));
                out.push_back(std::move(u));
                break;
            }
        }
    }
}

// The functions (and parameter names) that receive `name` as a bare call argument in `f`,
// followed a few calls deep, including `f` itself with `name`.
void holders(const Scan& s, const ScanFunction& f, const std::string& name, int depth,
             std::vector<std::pair<const ScanFunction*, std::string>>& out) {
    for (const auto& [g, n] : out) {
        if (g == &f && n == name) {
            return;
        }
    }
    out.emplace_back(&f, name);
    if (depth <= 0) {
        return;
    }
    auto [b, e] = token_range(s, f.body_begin, f.body_end);
    for (std::size_t i = b + 1; i + 1 < e; ++i) {
        if (s.toks[i].text != name || (s.toks[i - 1].text != "(" && s.toks[i - 1].text != ",") ||
            (s.toks[i + 1].text != ")" && s.toks[i + 1].text != ",")) {
            continue;
        }
        // Walk back to the '(' of the call, counting the argument position.
        std::size_t arg = 0;
        int level = 0;
        std::size_t k = i;
        while (k-- > b) {
            std::string_view t = s.toks[k].text;
            if (t == ")" || t == "]" || t == "}") {
                ++level;
            } else if (t == "(" || t == "[" || t == "{") {
                if (level == 0) {
                    break;
                }
                --level;
            } else if (t == "," && level == 0) {
                ++arg;
            }
        }
        if (k <= b || s.toks[k].text != "(") {
            continue;
        }
        std::size_t c = k - 1;
        if (s.toks[c].text == ">") { // template arguments: dot4<N>(...)
            int angle = 0;
            for (; c > b; --c) {
                angle += s.toks[c].text == ">" ? 1 : s.toks[c].text == "<" ? -1 : 0;
                if (angle == 0) {
                    break;
                }
            }
            --c;
        }
        if (s.toks[c].kind != TokKind::ident) {
            continue;
        }
        for (const auto& g : s.functions) {
            if (g.name == s.toks[c].text && &g != &f && arg < g.params.size() &&
                g.body_end > g.body_begin) {
                holders(s, g, g.params[arg], depth - 1, out);
            }
        }
    }
}

// Which partition type the parallel subscripts call for: "cyclic" for consecutive elements
// (a[i + k] with k unrolled, or a[i], a[i + 1], ... in one pipelined iteration), "block" for
// strided ones (a[k * S + i] with k unrolled), "" when unknown. `parallel` tells whether some
// iteration reads or writes two or more elements of the array at once.
struct PatternVerdict {
    bool parallel = false;
    std::set<std::string> fits;
};

void judge(const Scan& s, const std::vector<PartitionUse>& uses, PatternVerdict& v) {
    // Pipelined regions: root loop -> distinct subscripts (with constant offsets split off).
    std::map<int, std::map<std::string, std::set<long long>>> region;
    for (const auto& u : uses) {
        if (u.loop < 0) {
            continue;
        }
        // Innermost loop first: unrolled (by pragma, or inside a pipelined loop) or pipelined.
        std::vector<int> chain;
        for (int l = u.loop; l >= 0; l = s.loops[static_cast<std::size_t>(l)].parent) {
            chain.push_back(l);
        }
        int root = -1;
        std::vector<int> unrolled;
        for (std::size_t c = 0; c < chain.size(); ++c) {
            if (loop_has_pragma(s, chain[c], "pipeline")) {
                root = chain[c];
                unrolled.insert(unrolled.end(), chain.begin(),
                                chain.begin() + static_cast<long>(c));
                break;
            }
        }
        for (int l : chain) {
            if (root < 0 && loop_has_pragma(s, l, "unroll")) {
                unrolled.push_back(l);
            }
        }
        // An unrolled loop whose counter (or a name set inside it) the subscript uses.
        for (int l : unrolled) {
            const ScanLoop& loop = s.loops[static_cast<std::size_t>(l)];
            for (std::size_t t = 0; t < u.index.size(); ++t) {
                std::string_view w = u.index[t];
                if (w == loop.var) {
                    v.parallel = true;
                    bool scaled = (t > 0 && (u.index[t - 1] == "*" || u.index[t - 1] == "<<")) ||
                                  (t + 1 < u.index.size() &&
                                   (u.index[t + 1] == "*" || u.index[t + 1] == "<<"));
                    v.fits.insert(scaled ? "block" : "cyclic");
                } else if (!w.empty() &&
                           (std::isalpha(static_cast<unsigned char>(w[0])) || w[0] == '_') &&
                           !is_caps(w)) {
                    bool outer = false;
                    for (int k = l; k >= 0; k = s.loops[static_cast<std::size_t>(k)].parent) {
                        outer = outer || (k != l && s.loops[static_cast<std::size_t>(k)].var == w);
                    }
                    v.parallel = v.parallel || !outer; // varies with the unrolled iteration
                }
            }
        }
        if (root >= 0 && unrolled.empty()) {
            std::vector<std::string_view> base = u.index;
            long long off = 0;
            if (base.size() >= 3 &&
                (base[base.size() - 2] == "+" || base[base.size() - 2] == "-") &&
                std::all_of(base.back().begin(), base.back().end(),
                            [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
                off = std::stoll(std::string(base.back()));
                off = base[base.size() - 2] == "-" ? -off : off;
                base.resize(base.size() - 2);
            }
            std::string key;
            for (auto w : base) {
                key += std::string(w) + " ";
            }
            region[root][key].insert(off);
        }
    }
    for (const auto& [root, bases] : region) {
        std::size_t distinct = 0;
        for (const auto& [key, offs] : bases) {
            distinct += offs.size();
            if (offs.size() >= 2) {
                v.fits.insert("cyclic"); // neighbours a[i], a[i + 1] in one iteration
            }
        }
        v.parallel = v.parallel || distinct >= 2;
    }
}

} // namespace

std::vector<Site> AptRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& p : s.pragmas) {
        if (p.directive != "array_partition") {
            continue;
        }
        std::string kind = partition_type(p);
        auto var = p.options.find("variable");
        const ScanFunction* f = s.function_at(p.line);
        if ((kind != "cyclic" && kind != "block") || var == p.options.end() || !f) {
            continue;
        }
        std::size_t dim = 1;
        if (auto d = p.options.find("dim"); d != p.options.end()) {
            dim =
                static_cast<std::size_t>(std::max(0L, std::strtol(d->second.c_str(), nullptr, 10)));
        }
        if (dim == 0) {
            continue;
        }
        // The swap is a bug only where iterations touch several elements at once, and only when
        // the current type is the one that fits them (else the swap would be the fix).
        std::vector<std::pair<const ScanFunction*, std::string>> hs;
        holders(s, *f, var->second, 3, hs);
        std::vector<PartitionUse> uses;
        for (const auto& [g, n] : hs) {
            collect_uses(s, *g, n, dim, uses);
        }
        PatternVerdict v;
        judge(s, uses, v);
        if (!v.parallel || (!v.fits.empty() && !v.fits.count(kind))) {
            continue;
        }
        std::string other = kind == "cyclic" ? "block" : "cyclic";
        out.push_back(line_site(
            s, type(), id(), p.line, with_partition_type(p, other),
            fmt::format("the {} partition became {}, which no longer matches the order in "
                        "which the loops access the array",
                        kind, other)));
    }
    return out;
}

} // namespace hlsv::inject
