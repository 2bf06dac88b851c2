// hlsv eval: run the debugging assistant over a dataset of known bugs and score detection,
// line-level top-1/3/5 localization, bug-type accuracy and validated-fix rate per bug type.
#include "csim/csim.h"
#include "inject/inject.h"
#include "internal.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace hlsv::assist {

namespace {

using nlohmann::json;

struct Sample {
    std::string id, design, suite, source_file, golden, buggy;
    std::vector<std::string> types;
    fs::path design_dir; ///< empty when no testbench was found
};

fs::path find_design_dir(const std::string& name, const std::vector<fs::path>& roots) {
    for (const auto& r : roots) {
        std::error_code ec;
        if (fs::exists(r / name / "hlsv.json", ec)) {
            return r / name;
        }
        if (r.filename() == name && fs::exists(r / "hlsv.json", ec)) {
            return r;
        }
    }
    return {};
}

std::vector<Sample> load_samples(const fs::path& dataset, std::vector<fs::path> roots) {
    std::vector<Sample> out;
    std::error_code ec;
    if (fs::exists(dataset / "manifest.json", ec)) {
        json m = json::parse(read_file(dataset / "manifest.json"), nullptr, false);
        if (!m.is_discarded()) {
            for (const auto& s : m["config"].value("suites", json::array())) {
                roots.emplace_back(s.get<std::string>());
            }
        }
    }
    fs::path jsonl = fs::is_regular_file(dataset, ec) ? dataset : dataset / "samples.jsonl";
    if (fs::exists(jsonl, ec)) {
        for (const auto& r : read_jsonl(jsonl)) {
            Sample s;
            s.id = r.value("id", "");
            s.design = r.value("design", "");
            s.suite = r.value("suite", "");
            s.source_file = r.value("source_file", s.design + ".cpp");
            s.golden = r.value("golden_code", "");
            s.buggy = r.value("buggy_code", "");
            s.types = r.value("bug_types", std::vector<std::string>{});
            if (s.buggy.empty() || s.golden.empty() || s.types.empty()) {
                throw InputError(jsonl,
                                 "sample " + s.id + " lacks golden_code, buggy_code or bug_types");
            }
            fs::path recorded = r.value("design_dir", "");
            if (!recorded.empty() && fs::exists(recorded / "hlsv.json", ec)) {
                s.design_dir = recorded;
            } else {
                s.design_dir = find_design_dir(s.design, roots);
            }
            out.push_back(std::move(s));
        }
        return out;
    }
    // A Chrysalis-layout tree: <suite>/<design>/Source_Code/*.cpp + Bugs/bug_*.txt.
    for (auto it = fs::recursive_directory_iterator(dataset, ec);
         it != fs::recursive_directory_iterator(); ++it) {
        if (it->path().filename() != "Bugs" || !it->is_directory()) {
            continue;
        }
        fs::path ddir = it->path().parent_path();
        fs::path code_dir = ddir / "Source_Code";
        fs::path src;
        for (const auto& e : fs::directory_iterator(code_dir, ec)) {
            auto x = e.path().extension();
            if (x == ".cpp" || x == ".c" || x == ".cc") {
                src = e.path();
                break;
            }
        }
        if (src.empty()) {
            continue;
        }
        std::string golden = read_file(src);
        std::vector<fs::path> bugs;
        for (const auto& e : fs::directory_iterator(it->path(), ec)) {
            bugs.push_back(e.path());
        }
        std::sort(bugs.begin(), bugs.end());
        for (const auto& b : bugs) {
            Injection inj;
            try {
                inj = parse_injection(read_file(b));
            } catch (const InputError& e) {
                log_warning(b.string() + ": skipped: " + e.what());
                continue;
            }
            auto applied = inject::apply(golden, inj, {}, src.filename().string());
            if (!applied.ok) {
                log_warning(b.string() + ": skipped: " + applied.error);
                continue;
            }
            Sample s;
            s.id = ddir.filename().string() + "/" + b.filename().string();
            s.design = ddir.filename().string();
            s.suite = ddir.parent_path().filename().string();
            s.source_file = src.filename().string();
            s.golden = golden;
            s.buggy = applied.buggy;
            s.types = inj.types();
            s.design_dir = find_design_dir(s.design, roots);
            out.push_back(std::move(s));
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
}

/// Lines of `buggy` that differ from `golden`: the changed block between the common prefix and
/// suffix; for a pure deletion, the lines on both sides of the gap.
std::vector<int> truth_lines(const std::string& golden, const std::string& buggy) {
    auto lines = [](const std::string& t) { return split(t, '\n'); };
    auto g = lines(golden), b = lines(buggy);
    std::size_t p = 0;
    while (p < g.size() && p < b.size() && g[p] == b[p]) {
        ++p;
    }
    std::size_t sg = g.size(), sb = b.size();
    while (sg > p && sb > p && g[sg - 1] == b[sb - 1]) {
        --sg;
        --sb;
    }
    std::vector<int> out;
    for (std::size_t i = p; i < sb; ++i) {
        out.push_back(static_cast<int>(i) + 1);
    }
    if (out.empty()) {
        out = {static_cast<int>(p), static_cast<int>(p) + 1};
    }
    return out;
}

TypeScore score_one(const Sample& smp, const EvalOptions& opts, const fs::path& work) {
    TypeScore sc;
    sc.samples = 1;
    DesignSpec buggy_spec;
    detail::FixOracle oracle;
    std::optional<DesignSpec> golden;
    if (!smp.design_dir.empty()) {
        golden = load_design(smp.design_dir);
        buggy_spec = detail::materialize(*golden, work, smp.source_file, smp.buggy);
        const DesignSpec& gold = *golden;
        std::string file = smp.source_file;
        double timeout = detail::fix_check_timeout(gold, opts.debug.timeout_s);
        // The golden design's own run bounds the candidates (not the failing design's).
        oracle = [gold, timeout](const std::vector<csim::Variant>& versions,
                                 const detail::RunMode& mode) {
            csim::Options so;
            so.timeout_s = timeout;
            so.sanitize = mode.sanitize;
            so.env = mode.env;
            csim::Simulator sim(so);
            std::vector<bool> ok;
            try {
                for (const auto& r : sim.run_variants(gold, versions)) {
                    ok.push_back(csim::is_success(r.verdict));
                }
            } catch (const Error&) {
                return std::vector<bool>{}; // could not judge (e.g. the golden fails under ASan)
            }
            return ok;
        };
    } else {
        fs::create_directories(work);
        write_file_atomic(work / smp.source_file, smp.buggy);
        buggy_spec = load_design(work / smp.source_file);
    }
    auto rep = detail::debug_impl(buggy_spec, opts.debug, work / smp.source_file, oracle);
    auto truth = truth_lines(smp.golden, smp.buggy);
    auto hit_within = [&](std::size_t k) {
        for (std::size_t i = 0; i < std::min(k, rep.suspects.size()); ++i) {
            if (std::find(truth.begin(), truth.end(), rep.suspects[i].line) != truth.end()) {
                return true;
            }
        }
        return false;
    };
    bool checker_evidence =
        std::any_of(rep.suspects.begin(), rep.suspects.end(), [](const Suspect& s) {
            return std::any_of(s.evidence.begin(), s.evidence.end(),
                               [](const std::string& e) { return e.rfind("checker:", 0) == 0; });
        });
    sc.detected =
        (rep.verdict_before != "pass" && rep.verdict_before != "no-testbench") || checker_evidence;
    sc.top1 = hit_within(1);
    sc.top3 = hit_within(3);
    sc.top5 = hit_within(5);
    sc.type_correct = !rep.suspects.empty() && rep.suspects[0].type == smp.types[0];
    bool functional = !inject::is_pragma_type(smp.types[0]);
    sc.fixable = golden && golden->has_testbench() && functional;
    sc.fixed = sc.fixable && rep.fixed();
    if (verbosity() == Verbosity::verbose) {
        // One line per sample (hlsv -v eval) to see which samples miss and why.
        std::string rank = "-";
        for (std::size_t i = 0; i < rep.suspects.size(); ++i) {
            if (std::find(truth.begin(), truth.end(), rep.suspects[i].line) != truth.end()) {
                rank = std::to_string(i + 1);
                break;
            }
        }
        std::string fix = "-";
        for (const auto& s : rep.suspects) {
            if (s.fix && s.fix->validated) {
                fix = s.fix->operator_id + "@" + std::to_string(s.line);
                break;
            }
        }
        std::string msg = smp.id;
        msg += " " + smp.types[0] + ": rank " + rank + ", fix " + fix + ", type " +
               (rep.suspects.empty() ? std::string("-") : rep.suspects[0].type) + ", " +
               std::to_string(rep.candidates_tried) + " candidates";
        log_verbose(msg);
    }
    return sc;
}

/// The backend and model a result of `opts` is recorded under.
EvalResult identity(const EvalOptions& opts) {
    EvalResult res;
    res.backend = opts.debug.backend;
    if (res.backend == "openai") {
        res.model =
            !opts.debug.model.empty() ? opts.debug.model : opts.debug.config.model.value_or("");
    } else if (res.backend == "replay") {
        res.model = opts.debug.cassette.filename().string();
    }
    return res;
}

} // namespace

std::string eval_label(const EvalOptions& opts) {
    return identity(opts).label();
}

EvalShard evaluate_shard(const fs::path& dataset, const EvalOptions& opts) {
    std::error_code ec;
    if (!fs::exists(dataset, ec)) {
        throw InputError(dataset, "no such dataset");
    }
    if (opts.shard_count < 1 || opts.shard_index < 0 || opts.shard_index >= opts.shard_count) {
        throw InputError("--shard must be I/N with 0 <= I < N, got " +
                         std::to_string(opts.shard_index) + "/" + std::to_string(opts.shard_count));
    }
    auto t0 = std::chrono::steady_clock::now();
    auto samples = load_samples(dataset, opts.design_dirs);
    if (samples.empty()) {
        throw InputError(dataset,
                         "no samples found (expected samples.jsonl or a Chrysalis layout)");
    }
    if (opts.limit > 0 && samples.size() > static_cast<std::size_t>(opts.limit)) {
        samples.resize(static_cast<std::size_t>(opts.limit));
    }
    EvalShard shard;
    shard.index = opts.shard_index;
    shard.count = opts.shard_count;
    shard.samples_total = samples.size();
    EvalResult& res = shard.result;
    res = identity(opts);
    // The key covers the whole dataset, so every shard of it (and the merge) has the same one.
    std::string ids;
    for (const auto& smp : samples) {
        ids += smp.id + "\n";
    }
    res.samples_key = sha256_hex(ids).substr(0, 16);
    // Round robin by index: a shard gets samples of every design, not a run of one design.
    std::vector<std::size_t> mine;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (i % static_cast<std::size_t>(opts.shard_count) ==
            static_cast<std::size_t>(opts.shard_index)) {
            mine.push_back(i);
        }
    }
    res.per_sample.resize(mine.size());
    fs::path base = fs::temp_directory_path() / ("hlsv-eval-" + std::to_string(::getpid()));
    std::mutex m;
    std::atomic<std::size_t> next{0};
    std::size_t finished = 0;
    std::exception_ptr failure;
    auto worker = [&] {
        for (std::size_t k = next++; k < mine.size(); k = next++) {
            std::size_t i = mine[k];
            fs::path work = base / std::to_string(i);
            TypeScore sc;
            sc.samples = 1; // a sample that errors out still counts, as undetected
            try {
                sc = score_one(samples[i], opts, work);
            } catch (const Error& e) {
                log_warning(samples[i].id + ": " + e.what());
            } catch (...) {
                std::lock_guard l(m);
                failure = std::current_exception();
            }
            std::error_code rm;
            fs::remove_all(work, rm);
            std::lock_guard l(m);
            // Stored by position, so the order does not depend on which thread ends first.
            res.per_sample[k] = {i, samples[i].id, samples[i].types[0], sc};
            ++finished;
            if (verbosity() != Verbosity::quiet && stderr_is_tty()) {
                std::fprintf(stderr, "\r\033[Keval %zu/%zu", finished, mine.size());
            }
        }
    };
    int jobs = opts.jobs > 0 ? opts.jobs : 1;
    std::vector<std::thread> pool;
    for (int j = 0; j < jobs; ++j) {
        pool.emplace_back(worker);
    }
    for (auto& t : pool) {
        t.join();
    }
    if (verbosity() != Verbosity::quiet && stderr_is_tty()) {
        std::fprintf(stderr, "\n");
    }
    fs::remove_all(base, ec);
    if (failure) {
        std::rethrow_exception(failure);
    }
    detail::tally(res);
    res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return shard;
}

EvalResult evaluate(const fs::path& dataset, const EvalOptions& opts) {
    return evaluate_shard(dataset, opts).result;
}

} // namespace hlsv::assist
