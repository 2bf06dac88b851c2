// The rule engine's driver: candidate sites per type and a seeded, repeatable choice among them.
#include "inject.h"

#include <algorithm>
#include <fmt/format.h>
#include <random>
#include <set>

namespace hlsv::inject {

std::vector<const Rule*> rules_for(std::string_view type) {
    std::vector<const Rule*> out;
    for (const auto& r : rules()) {
        if (r->type() == type) {
            out.push_back(r.get());
        }
    }
    return out;
}

std::vector<std::string> supported_types() {
    static const char* const order[] = {"OOB",  "INIT", "SHFT", "INF", "USE", "MLU", "ZERO",
                                        "BUF",  "PREC", "APT",  "FND", "DID", "DFP", "IDAP",
                                        "RAMB", "SMA",  "AMS",  "MLP", "ILNU"};
    std::vector<std::string> out;
    for (const char* t : order) {
        if (!rules_for(t).empty()) {
            out.emplace_back(t);
        }
    }
    return out;
}

bool is_pragma_type(std::string_view type) {
    try {
        if (const BugType* t = BugCatalog::get().find(type)) {
            return t->cls == BugClass::pragma;
        }
    } catch (const Error&) {
        // No catalog in this installation: fall back to the Chrysalis classes below.
    }
    static const char* const pragma_types[] = {"APT",  "FND", "DID", "DFP", "IDAP",
                                               "RAMB", "SMA", "AMS", "MLP", "ILNU"};
    return std::find(std::begin(pragma_types), std::end(pragma_types), type) !=
           std::end(pragma_types);
}

std::vector<Site> sites_for(std::string_view type, const parse::DesignFacts& facts,
                            const SourceText& source) {
    std::vector<Site> out;
    for (const Rule* r : rules_for(type)) {
        auto s = r->sites(facts, source);
        out.insert(out.end(), s.begin(), s.end());
    }
    return out;
}

Injection injection_from_sites(const std::vector<Site>& sites) {
    Injection inj;
    std::set<std::string> types;
    for (const auto& s : sites) {
        ErrorSpec e;
        e.type = s.type;
        e.original = s.original;
        e.faulty = s.faulty;
        e.line = s.line;
        e.explanation = s.explanation;
        inj.specs.push_back(std::move(e));
        types.insert(s.type);
    }
    inj.error_size = static_cast<int>(types.size());
    return inj;
}

Injection inject_with_rules(const parse::DesignFacts& facts, const SourceText& source,
                            const std::vector<std::string>& types, std::uint64_t seed,
                            std::string_view design) {
    std::mt19937_64 rng(seed);
    std::vector<Site> chosen;
    std::set<int> used_lines;
    for (const auto& t : types) {
        if (rules_for(t).empty()) {
            throw InputError(fmt::format("the rule engine has no rule for bug type '{}'", t));
        }
        std::vector<Site> all = sites_for(t, facts, source);
        std::vector<Site> free;
        for (auto& s : all) {
            int n = static_cast<int>(std::count(s.original.begin(), s.original.end(), '\n')) + 1;
            bool clash = false;
            for (int l = s.line; l < s.line + n; ++l) {
                clash = clash || used_lines.count(l) > 0;
            }
            if (!clash) {
                free.push_back(std::move(s));
            }
        }
        if (free.empty()) {
            throw NoSiteError(fmt::format("no site for {} in {}", t, design));
        }
        // uniform_int_distribution differs between standard libraries; a modulo keeps seeds
        // portable.
        Site s = free[static_cast<std::size_t>(rng() % free.size())];
        int n = static_cast<int>(std::count(s.original.begin(), s.original.end(), '\n')) + 1;
        for (int l = s.line; l < s.line + n; ++l) {
            used_lines.insert(l);
        }
        chosen.push_back(std::move(s));
    }
    return injection_from_sites(chosen);
}

} // namespace hlsv::inject
