// Sharded evaluation: each shard of `hlsv eval --shard I/N` records its samples' scores in a
// shard file; `--merge-shards N` reads the N files back and tallies them exactly as one run over
// the whole dataset would, or refuses when one is missing or does not fit the others.
#include "inject/inject.h"
#include "internal.h"

#include <cctype>
#include <fmt/format.h>

namespace hlsv::assist {

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

constexpr const char* k_format = "hlsv-eval-shard/1";

void add_score(TypeScore& t, const TypeScore& s) {
    t.samples += s.samples;
    t.detected += s.detected;
    t.top1 += s.top1;
    t.top3 += s.top3;
    t.top5 += s.top5;
    t.type_correct += s.type_correct;
    t.fixable += s.fixable;
    t.fixed += s.fixed;
}

/// The hits of one sample, by name: both the writer and the reader walk this table.
struct Hit {
    const char* name;
    long TypeScore::*field;
};
constexpr Hit k_hits[] = {{"detected", &TypeScore::detected},
                          {"top1", &TypeScore::top1},
                          {"top3", &TypeScore::top3},
                          {"top5", &TypeScore::top5},
                          {"type_correct", &TypeScore::type_correct},
                          {"fixable", &TypeScore::fixable},
                          {"fixed", &TypeScore::fixed}};

ojson sample_json(const SampleScore& s) {
    ojson j = {{"index", s.index}, {"id", s.id}, {"type", s.type}};
    for (const auto& h : k_hits) {
        j[h.name] = s.score.*h.field != 0;
    }
    return j;
}

SampleScore sample_from_json(const json& j) {
    SampleScore s;
    s.index = j.at("index").get<std::size_t>();
    s.id = j.at("id").get<std::string>();
    s.type = j.at("type").get<std::string>();
    s.score.samples = 1;
    for (const auto& h : k_hits) {
        s.score.*h.field = j.at(h.name).get<bool>() ? 1 : 0;
    }
    return s;
}

/// Samples of a dataset of `total` that fall to shard `index` of `count` (round robin).
std::size_t shard_size(std::size_t total, int index, int count) {
    auto n = static_cast<std::size_t>(count), i = static_cast<std::size_t>(index);
    return total / n + (i < total % n ? 1 : 0);
}

EvalShard read_shard(const fs::path& file, int index, int count) {
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        throw InputError(file, fmt::format("missing: shard {} of {} has not been written (did "
                                           "its task fail or not run yet?)",
                                           index, count));
    }
    json j = json::parse(read_file(file), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        throw InputError(file, "malformed shard file: not a JSON object");
    }
    EvalShard s;
    try {
        if (j.at("format").get<std::string>() != k_format) {
            throw InputError(file, "malformed shard file: format is not " + std::string(k_format));
        }
        s.index = j.at("shard").get<int>();
        s.count = j.at("shards").get<int>();
        s.samples_total = j.at("samples_total").get<std::size_t>();
        s.result.backend = j.at("backend").get<std::string>();
        s.result.model = j.at("model").get<std::string>();
        s.result.samples_key = j.at("samples_key").get<std::string>();
        s.result.seconds = j.at("seconds").get<double>();
        for (const auto& e : j.at("samples")) {
            s.result.per_sample.push_back(sample_from_json(e));
        }
    } catch (const json::exception& e) {
        throw InputError(file, std::string("malformed shard file: ") + e.what());
    }
    if (s.index != index || s.count != count) {
        throw InputError(file, fmt::format("holds shard {} of {}, not {} of {}", s.index, s.count,
                                           index, count));
    }
    return s;
}

} // namespace

void detail::tally(EvalResult& r) {
    r.by_type.clear();
    r.total = r.functional = r.pragma = TypeScore{};
    for (const auto& s : r.per_sample) {
        add_score(r.by_type[s.type], s.score);
        add_score(r.total, s.score);
        add_score(inject::is_pragma_type(s.type) ? r.pragma : r.functional, s.score);
    }
}

fs::path default_eval_shard_dir(const fs::path& dataset, const EvalOptions& opts) {
    std::error_code ec;
    fs::path dir = fs::is_regular_file(dataset, ec) ? dataset.parent_path() : dataset;
    // One path component per label: a model name may hold '/' or spaces.
    std::string name = eval_label(opts);
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') {
            c = '-';
        }
    }
    return dir / "eval-shards" / name;
}

fs::path eval_shard_file(const fs::path& dir, int index, int count) {
    return dir / fmt::format("shard-{}-of-{}.json", index, count);
}

fs::path save_eval_shard(const fs::path& dir, const EvalShard& s) {
    ojson j = {{"format", k_format},
               {"shard", s.index},
               {"shards", s.count},
               {"backend", s.result.backend},
               {"model", s.result.model},
               {"samples_key", s.result.samples_key},
               {"samples_total", s.samples_total},
               {"seconds", s.result.seconds}};
    j["samples"] = ojson::array();
    for (const auto& e : s.result.per_sample) {
        j["samples"].push_back(sample_json(e));
    }
    fs::create_directories(dir);
    fs::path file = eval_shard_file(dir, s.index, s.count);
    // Atomic: a task killed while writing leaves no half file for the merge to take.
    write_file_atomic(file, j.dump(1) + "\n");
    return file;
}

EvalResult merge_eval_shards(const fs::path& dir, int count, const std::string& label) {
    if (count < 1 || count > 10000) {
        throw InputError(fmt::format("--merge-shards must be between 1 and 10000, got {}", count));
    }
    EvalResult out;
    std::vector<SampleScore> by_index;
    std::vector<bool> seen;
    fs::path first;
    std::size_t total = 0;
    for (int i = 0; i < count; ++i) {
        fs::path file = eval_shard_file(dir, i, count);
        EvalShard s = read_shard(file, i, count);
        if (s.result.label() != label) {
            throw InputError(file,
                             "holds results of '" + s.result.label() + "', not of '" + label + "'");
        }
        if (i == 0) {
            first = file;
            total = s.samples_total;
            out.backend = s.result.backend;
            out.model = s.result.model;
            out.samples_key = s.result.samples_key;
            by_index.resize(total);
            seen.assign(total, false);
        } else if (s.samples_total != total || s.result.samples_key != out.samples_key) {
            throw InputError(file, "evaluated another sample list than " + first.string() +
                                       " (run every shard on the same dataset and --limit)");
        }
        if (s.result.per_sample.size() != shard_size(total, i, count)) {
            throw InputError(file, fmt::format("holds {} samples, shard {} of {} has {}",
                                               s.result.per_sample.size(), i, count,
                                               shard_size(total, i, count)));
        }
        for (auto& e : s.result.per_sample) {
            if (e.index >= total ||
                e.index % static_cast<std::size_t>(count) != static_cast<std::size_t>(i) ||
                seen[e.index]) {
                throw InputError(file, fmt::format("sample {} ('{}') is not one of this shard's",
                                                   e.index, e.id));
            }
            seen[e.index] = true;
            by_index[e.index] = std::move(e);
        }
        out.seconds += s.result.seconds; // evaluation time summed over tasks, not wall time
    }
    out.per_sample = std::move(by_index);
    detail::tally(out);
    return out;
}

} // namespace hlsv::assist
