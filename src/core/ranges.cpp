// Every numeric setting's accepted range, in one table: flags of all commands and hlsv.toml keys.
// A row is looked up by name, so a flag shared by several commands (`--jobs`, `--timeout`,
// `--seed`) cannot accept a value in one command that the next refuses.
#include "core.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace hlsv {

namespace {
constexpr double k_day = 86400;
constexpr double k_max_seed = 4294967295.0;
} // namespace

const std::vector<NumericRange>& numeric_ranges() {
    static const std::vector<NumericRange> table = {
        // name, min, max, min exclusive, what
        {"jobs", 0, 1024, false, "parallel jobs, 0: all cores"},
        {"combos", 0, 1000, false, "extra two-type combinations per design"},
        {"per-type", 1, 1000, false, "attempts per design and combination"},
        {"max-inflight", 1, 1024, false, "LLM requests in flight"},
        {"k", 0, 64, false, "retrieved examples per prompt"},
        {"repair-rounds", 0, 10, false, "repair rounds"},
        {"rounds", 0, 10, false, "repair rounds"},
        {"seed", 0, k_max_seed, false, "random seed"},
        {"attempt", 0, 1000000, false, "attempt number"},
        {"temperature", 0, 2, false, "sampling temperature"},
        {"timeout", 0, k_day, true, "seconds"},
        {"llm-timeout", 0, k_day, true, "seconds per LLM request"},
        {"seconds", 0, k_day, true, "seconds"},
        {"cases", 1, 1e9, false, "generated input cases"},
        {"depth", 1, 1 << 24, false, "elements per pointer argument"},
        {"top", 1, 1000, false, "suspects listed"},
        {"max-candidates", 1, 10000, false, "fix candidates tried"},
        {"suspect", 1, 1e8, false, "a line number"},
        {"fetch-k", 1, 10000, false, "candidates MMR picks from"},
        {"shards", 1, 10000, false, "shards"},
        {"merge-shards", 1, 10000, false, "shards"},
        {"debounce", 0, 5000, false, "milliseconds"},
        {"max-input-mb", 1, 4096, false, "MiB per input file"},
        {"limit", 1, 1e9, false, "rows"},
        {"lambda", 0, 1, false, "MMR relevance weight"},
    };
    return table;
}

const NumericRange* numeric_range(std::string_view name) {
    while (!name.empty() && name.front() == '-') {
        name.remove_prefix(1);
    }
    // hlsv.toml spells `max_input_mb` what the flag spells `--max-input-mb`.
    std::string key(name);
    std::replace(key.begin(), key.end(), '_', '-');
    for (const auto& r : numeric_ranges()) {
        if (r.name == key) {
            return &r;
        }
    }
    return nullptr;
}

std::string range_error(const NumericRange& r, double v) {
    bool low = r.min_exclusive ? !(v > r.min) : !(v >= r.min);
    if (std::isfinite(v) && !low && v <= r.max) {
        return {};
    }
    std::string bounds = r.min_exclusive
                             ? fmt::format("greater than {} and at most {}", r.min, r.max)
                             : fmt::format("between {} and {}", r.min, r.max);
    return fmt::format("must be {} ({}), got {}", bounds, r.what, v);
}

} // namespace hlsv
