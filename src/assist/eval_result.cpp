// EvalResult as JSON and text, the dataset's eval.json (one entry per backend and model), and
// the table that sets an LLM backend against the rule backend on the same samples.
#include "assist/assist.h"

#include <cstdio>
#include <sstream>

namespace hlsv::assist {

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

ojson ratio(long n, long d) {
    return d > 0 ? ojson(static_cast<double>(n) / static_cast<double>(d)) : ojson();
}

/// Ratios for readers (the report), raw counts so a result can be read back exactly.
ojson score_json(const TypeScore& t) {
    return {{"samples", t.samples},
            {"detection", ratio(t.detected, t.samples)},
            {"top1", ratio(t.top1, t.samples)},
            {"top3", ratio(t.top3, t.samples)},
            {"top5", ratio(t.top5, t.samples)},
            {"type_accuracy", ratio(t.type_correct, t.samples)},
            {"fixable", t.fixable},
            {"fix_rate", ratio(t.fixed, t.fixable)},
            {"hits",
             {{"detected", t.detected},
              {"top1", t.top1},
              {"top3", t.top3},
              {"top5", t.top5},
              {"type_correct", t.type_correct},
              {"fixed", t.fixed}}}};
}

TypeScore score_from_json(const json& j) {
    TypeScore t;
    t.samples = j.at("samples").get<long>();
    t.fixable = j.at("fixable").get<long>();
    const json& h = j.at("hits");
    t.detected = h.at("detected").get<long>();
    t.top1 = h.at("top1").get<long>();
    t.top3 = h.at("top3").get<long>();
    t.top5 = h.at("top5").get<long>();
    t.type_correct = h.at("type_correct").get<long>();
    t.fixed = h.at("fixed").get<long>();
    return t;
}

double pct(long n, long d) {
    return d > 0 ? 100.0 * static_cast<double>(n) / static_cast<double>(d) : 0.0;
}

} // namespace

std::string EvalResult::label() const {
    return model.empty() ? backend : backend + " " + model;
}

nlohmann::ordered_json EvalResult::to_json() const {
    ojson j;
    j["backend"] = backend;
    j["model"] = model;
    j["samples_key"] = samples_key;
    j["samples"] = total.samples;
    j["seconds"] = seconds;
    j["total"] = score_json(total);
    j["functional"] = score_json(functional);
    j["pragma"] = score_json(pragma);
    j["by_type"] = ojson::object();
    for (const auto& [t, s] : by_type) {
        j["by_type"][t] = score_json(s);
    }
    return j;
}

EvalResult EvalResult::from_json(const nlohmann::json& j) {
    try {
        EvalResult r;
        r.backend = j.at("backend").get<std::string>();
        r.model = j.value("model", "");
        r.samples_key = j.value("samples_key", "");
        r.seconds = j.value("seconds", 0.0);
        r.total = score_from_json(j.at("total"));
        if (j.contains("functional")) {
            r.functional = score_from_json(j.at("functional"));
            r.pragma = score_from_json(j.at("pragma"));
        }
        for (const auto& [t, s] : j.at("by_type").items()) {
            r.by_type[t] = score_from_json(s);
        }
        return r;
    } catch (const json::exception& e) {
        throw InputError("eval.json", std::string("malformed entry: ") + e.what());
    }
}

std::string EvalResult::to_text() const {
    std::ostringstream o;
    char line[200];
    std::snprintf(line, sizeof line, "%-10s %7s %7s %6s %6s %6s %6s %9s   backend %s\n", "type",
                  "samples", "detect", "top1", "top3", "top5", "type", "fix", label().c_str());
    o << line;
    auto row = [&](const std::string& name, const TypeScore& s) {
        std::snprintf(line, sizeof line,
                      "%-10s %7ld %6.0f%% %5.0f%% %5.0f%% %5.0f%% %5.0f%% %5.0f%% of %ld\n",
                      name.c_str(), s.samples, pct(s.detected, s.samples), pct(s.top1, s.samples),
                      pct(s.top3, s.samples), pct(s.top5, s.samples),
                      pct(s.type_correct, s.samples), pct(s.fixed, s.fixable), s.fixable);
        o << line;
    };
    for (const auto& [t, s] : by_type) {
        row(t, s);
    }
    if (functional.samples > 0) {
        row("functional", functional);
    }
    if (pragma.samples > 0) {
        row("pragma", pragma);
    }
    row("total", total);
    return o.str();
}

namespace {

/// eval.json as a JSON array ([] when absent); InputError when it holds something else.
ojson read_eval_file(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        return ojson::array();
    }
    ojson all = ojson::parse(read_file(file), nullptr, false);
    if (!all.is_array()) {
        // Refuse rather than overwrite: the file may hold results that took hours.
        throw InputError(file, "not a list of evaluation results; move it away to record new "
                               "ones");
    }
    return all;
}

/// The label of an entry, read leniently: entries of other versions have one too.
std::string entry_label(const ojson& e) {
    EvalResult r;
    if (e.is_object()) {
        r.backend = e.value("backend", "");
        r.model = e.value("model", "");
    }
    return r.label();
}

} // namespace

std::vector<EvalResult> load_evals(const fs::path& dataset_dir) {
    std::vector<EvalResult> out;
    for (const auto& e : read_eval_file(dataset_dir / "eval.json")) {
        try {
            out.push_back(EvalResult::from_json(e));
        } catch (const InputError&) {
            // An entry written by another version: kept in the file, not compared.
        }
    }
    return out;
}

std::vector<EvalResult> save_eval(const fs::path& dataset_dir, const EvalResult& result) {
    fs::path file = dataset_dir / "eval.json";
    ojson all = ojson::array();
    std::vector<EvalResult> others;
    for (auto& e : read_eval_file(file)) {
        if (entry_label(e) == result.label()) {
            continue; // replaced by the new result
        }
        try {
            others.push_back(EvalResult::from_json(e));
        } catch (const InputError&) {
            // An entry written by another version: kept as it is, not compared.
        }
        all.push_back(std::move(e));
    }
    all.push_back(result.to_json());
    write_file_atomic(file, all.dump(2) + "\n");
    return others;
}

std::optional<EvalResult> rules_baseline(const EvalResult& result,
                                         const std::vector<EvalResult>& others) {
    if (result.backend == "rules") {
        return std::nullopt;
    }
    for (const auto& r : others) {
        if (r.backend == "rules" && r.samples_key == result.samples_key) {
            return r;
        }
    }
    return std::nullopt;
}

std::string compare_text(const EvalResult& base, const EvalResult& other) {
    std::ostringstream o;
    char line[200];
    o << "gain over the rule backend on the same " << other.total.samples << " samples\n";
    std::snprintf(line, sizeof line, "%-24s %12s %12s %8s\n", "metric", base.label().c_str(),
                  other.label().c_str(), "gain");
    o << line;
    struct Metric {
        const char* name;
        long TypeScore::*hits;
        bool over_fixable;
    };
    const Metric metrics[] = {{"detection", &TypeScore::detected, false},
                              {"top-1", &TypeScore::top1, false},
                              {"top-3", &TypeScore::top3, false},
                              {"top-5", &TypeScore::top5, false},
                              {"type accuracy", &TypeScore::type_correct, false},
                              {"validated fix", &TypeScore::fixed, true}};
    auto group = [&](const char* name, const TypeScore& b, const TypeScore& x) {
        if (b.samples == 0 && x.samples == 0) {
            return;
        }
        for (const auto& m : metrics) {
            if (m.over_fixable && b.fixable == 0 && x.fixable == 0) {
                continue;
            }
            double pb = pct(b.*m.hits, m.over_fixable ? b.fixable : b.samples);
            double px = pct(x.*m.hits, m.over_fixable ? x.fixable : x.samples);
            std::string metric = std::string(m.name) + " (" + name + ")";
            std::snprintf(line, sizeof line, "%-24s %11.1f%% %11.1f%% %+7.1f\n", metric.c_str(), pb,
                          px, px - pb);
            o << line;
        }
    };
    group("all", base.total, other.total);
    group("functional", base.functional, other.functional);
    group("pragma", base.pragma, other.pragma);
    return o.str();
}

} // namespace hlsv::assist
