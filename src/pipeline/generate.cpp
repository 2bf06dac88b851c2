// hlsv generate: for each design x bug combination x attempt, obtain an injection (rule engine
// or LLM), apply and validate it (batched per design), and record the verdict with provenance
// in the store. Items already done in the store are skipped, so a killed run resumes exactly.
#include "csim/csim.h"
#include "inject/inject.h"
#include "internal.h"
#include "llm_proposer.h"
#include "parse/parse.h"
#include "rag/rag.h"

#include <algorithm>
#include <csignal>
#include <ctime>
#include <random>
#include <thread>
#include <unistd.h>

namespace hlsv::pipeline {

std::atomic<bool>& stop_requested() {
    static std::atomic<bool> flag{false};
    return flag;
}

namespace {

using detail::DesignEntry;
using detail::now_seconds;
using nlohmann::json;

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) {
        out += (out.empty() ? "" : sep) + s;
    }
    return out;
}

/// A deterministic 64-bit seed from the run seed and a text (FNV-1a mixed with the seed).
std::uint64_t derive_seed(std::uint64_t seed, std::string_view text) {
    std::uint64_t h = 1469598103934665603ull ^ (seed * 0x9E3779B97F4A7C15ull);
    for (unsigned char c : text) {
        h = (h ^ c) * 1099511628211ull;
    }
    return h;
}

/// One unit of work: a design, a bug combination and an attempt index.
struct Item {
    rag::RunItemKey key;
    std::vector<std::string> types;
};

/// What one attempt produced before validation.
struct Proposal {
    std::optional<Injection> injection;
    std::string failure;    ///< why there is no injection ("no-site", LLM error, ...)
    bool transport = false; ///< the endpoint failed: no verdict, the item stays pending
    std::string strategy;
    std::string model;
    std::string prompt_hash;
    std::vector<std::int64_t> example_ids;
    double propose_seconds = 0;
    double prompt_seconds = 0, llm_seconds = 0; ///< LLM backends: parts of propose_seconds
};

bool lines_overlap(const inject::Site& a, const inject::Site& b) {
    auto lines = [](const inject::Site& s) {
        return static_cast<int>(std::count(s.original.begin(), s.original.end(), '\n')) + 1;
    };
    return a.line < b.line + lines(b) && b.line < a.line + lines(a);
}

/// The rule engine: attempt k of a combination takes the k-th site of the first type in a
/// seeded shuffle (so K attempts are K distinct bugs), and for a second type the first
/// shuffled site that does not touch the same lines.
class RuleProposer {
  public:
    RuleProposer(const DesignEntry& d, std::uint64_t seed) : design_(d), seed_(seed) {}

    void prepare(const std::vector<std::string>& types) {
        double t0 = now_seconds();
        parse::Options po;
        po.top = design_.spec.top;
        po.language = design_.spec.language;
        // The design's own flags, so libclang finds its headers and sizes (PolyBench's
        // `-Iutilities -DMINI_DATASET`, macro-declared array parameters).
        po.cflags = csim::absolute_cflags(design_.spec.cflags, design_.spec.dir);
        facts_ = parse::parse_source(design_.source_file.string(), design_.source, po);
        text_ = SourceText(design_.source);
        // Sites only in the design under test: never main, init/print helpers or self-checks.
        parse::Dut dut = inject::dut_of(design_.spec, design_.source_file, facts_);
        for (const auto& t : types) {
            std::vector<inject::Site> sites;
            for (auto& site : inject::sites_for(t, facts_, text_)) {
                int n =
                    static_cast<int>(std::count(site.original.begin(), site.original.end(), '\n'));
                std::string fn = inject::dut_function_of(dut, facts_, site.line, site.line + n);
                if (!fn.empty()) {
                    site.function = fn;
                    sites.push_back(std::move(site));
                }
            }
            std::mt19937_64 rng(derive_seed(seed_, design_.hash + "/" + t));
            std::shuffle(sites.begin(), sites.end(), rng);
            sites_[t] = std::move(sites);
        }
        parse_seconds_ = now_seconds() - t0;
    }

    bool has_sites(const std::string& type) const {
        auto it = sites_.find(type);
        return it != sites_.end() && !it->second.empty();
    }

    Proposal propose(const Item& item) const {
        double t0 = now_seconds();
        Proposal p;
        p.strategy = "rules";
        std::vector<inject::Site> chosen;
        for (std::size_t i = 0; i < item.types.size(); ++i) {
            const auto& sites = sites_.at(item.types[i]);
            if (i == 0) {
                if (static_cast<std::size_t>(item.key.attempt) < sites.size()) {
                    chosen.push_back(sites[static_cast<std::size_t>(item.key.attempt)]);
                }
            } else {
                for (const auto& s : sites) {
                    if (std::none_of(chosen.begin(), chosen.end(),
                                     [&](const auto& c) { return lines_overlap(c, s); })) {
                        chosen.push_back(s);
                        break;
                    }
                }
            }
            if (chosen.size() != i + 1) {
                p.failure = "no-site";
                p.propose_seconds = now_seconds() - t0;
                return p;
            }
        }
        p.injection = inject::injection_from_sites(chosen);
        p.propose_seconds = now_seconds() - t0;
        return p;
    }

    double parse_seconds() const { return parse_seconds_; }

  private:
    const DesignEntry& design_;
    std::uint64_t seed_;
    parse::DesignFacts facts_;
    SourceText text_;
    std::map<std::string, std::vector<inject::Site>> sites_;
    double parse_seconds_ = 0;
};

/// Two-type combinations of one class where both types have sites, seeded, at most `n`.
std::vector<std::vector<std::string>> pick_combos(const std::vector<std::string>& types,
                                                  const RuleProposer& rules, int n,
                                                  std::uint64_t seed, const std::string& hash) {
    std::vector<std::vector<std::string>> pairs;
    if (n <= 0) {
        return pairs;
    }
    const auto& cat = BugCatalog::get();
    for (std::size_t i = 0; i < types.size(); ++i) {
        for (std::size_t j = i + 1; j < types.size(); ++j) {
            if (cat.at(types[i]).cls == cat.at(types[j]).cls && rules.has_sites(types[i]) &&
                rules.has_sites(types[j])) {
                pairs.push_back({types[i], types[j]});
            }
        }
    }
    std::mt19937_64 rng(derive_seed(seed, hash + "/combos"));
    std::shuffle(pairs.begin(), pairs.end(), rng);
    if (pairs.size() > static_cast<std::size_t>(n)) {
        pairs.resize(static_cast<std::size_t>(n));
    }
    return pairs;
}

/// A design directory relative to the working directory when below it (so committed datasets
/// stay valid in any clone), else absolute.
std::string portable_path(const fs::path& dir) {
    std::error_code ec;
    fs::path rel = fs::relative(dir, fs::current_path(), ec);
    if (!ec && !rel.empty() && *rel.begin() != "..") {
        return rel.string();
    }
    return dir.string();
}

json sample_json(const DesignEntry& d, const Item& item, const Proposal& p,
                 const inject::Validation* v, const std::string& backend, std::uint64_t seed,
                 const json& timings) {
    json s;
    s["id"] = sha256_hex(d.hash + "/" + item.key.bug_combo + "/" + std::to_string(item.key.attempt))
                  .substr(0, 16);
    s["design"] = d.spec.name;
    s["suite"] = d.suite;
    s["design_hash"] = d.hash;
    s["source_file"] = d.source_file.filename().string();
    s["design_dir"] = portable_path(d.spec.dir);
    s["bug_types"] = item.types;
    s["attempt"] = item.key.attempt;
    s["backend"] = backend;
    s["strategy"] = p.strategy;
    s["model"] = p.model;
    s["seed"] = seed;
    s["prompt_hash"] = p.prompt_hash;
    s["example_ids"] = p.example_ids;
    if (!p.injection) {
        s["verdict"] = "invalid";
        s["evidence"] = "";
        s["reason"] = p.failure;
    } else {
        s["injection"] = json::parse(injection_to_json(*p.injection));
        s["verdict"] = std::string(inject::to_string(v->verdict));
        s["evidence"] = v->evidence;
        s["reason"] = v->reason;
        s["changed_lines"] = v->changed_lines;
        s["function"] = v->function;
        s["type_evidence"] = v->type_evidence;
        s["diff"] = v->diff;
        s["buggy_code"] = v->buggy;
        if (v->weak_oracle) {
            s["weak_oracle"] = true; // judged by an exit status alone (issue 13)
        }
    }
    // Per-item stage timings live in the item, so a resumed run's manifest still accounts for
    // the work earlier (killed) invocations did, and a no-op rerun leaves it byte-identical.
    s["timings"] = timings;
    return s;
}

/// The first line of a message (compiler diagnostics can run over many).
std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

/// A short reason key for tables: the text before the first ':'.
std::string reason_key(const std::string& reason) {
    auto c = reason.find(':');
    std::string k = c == std::string::npos ? reason : reason.substr(0, c);
    return k.empty() ? "unknown" : k;
}

void tally(Tally& t, const json& s) {
    ++t.attempts;
    std::string v = s.value("verdict", "");
    if (v == "valid") {
        ++t.valid;
    } else if (v == "silent") {
        ++t.silent;
    } else {
        ++t.invalid;
        ++t.invalid_by_reason[reason_key(s.value("reason", ""))];
    }
}

class Run {
  public:
    Run(const GenerateOptions& o, rag::Store& store, std::int64_t run_id, double t_start,
        std::map<std::string, std::string> strategies)
        : opts_(o), store_(store), run_id_(run_id), t_start_(t_start),
          invocation_(std::to_string(::getpid()) + "-" + std::to_string(std::time(nullptr))) {
        if (o.backend != "rules") {
            llm_ = std::make_unique<detail::LlmProposer>(o, store, mutex_, std::move(strategies));
        }
    }

    /// Processes one design: proposals for its pending items, one batched validation, records.
    void process(const DesignEntry& d, const std::vector<std::string>& types,
                 detail::Progress& progress) {
        if (stop_requested()) {
            return;
        }
        RuleProposer rules(d, opts_.seed);
        try {
            rules.prepare(types);
        } catch (const Error& e) {
            std::lock_guard lock(mutex_);
            skipped_.push_back(d.spec.name + ": " + first_line(e.what()));
            return;
        }
        add_stage("parse", rules.parse_seconds());
        std::vector<Item> items;
        auto add_items = [&](const std::vector<std::string>& combo) {
            for (int k = 0; k < opts_.per_type; ++k) {
                items.push_back({{d.hash, join(combo, ","), k}, combo});
            }
        };
        for (const auto& t : types) {
            add_items({t});
        }
        for (const auto& c : pick_combos(types, rules, opts_.combos, opts_.seed, d.hash)) {
            add_items(c);
        }
        std::vector<Item> pending;
        {
            std::lock_guard lock(mutex_);
            for (const auto& it : items) {
                auto state = store_.ensure_item(run_id_, it.key);
                if (state.status == "done") {
                    ++already_done_;
                    json done = json::parse(state.result);
                    progress.add(1, done.value("verdict", "") == "valid",
                                 done.value("reason", "") != "no-site");
                } else {
                    pending.push_back(it);
                }
            }
            total_items_ += static_cast<long>(items.size());
        }
        if (pending.empty()) {
            return;
        }
        std::vector<Proposal> proposals;
        std::vector<Injection> injections;
        std::vector<std::size_t> slot(pending.size(), SIZE_MAX);
        if (llm_) {
            proposals = propose_with_llm(d, pending);
        } else {
            for (const auto& it : pending) {
                proposals.push_back(rules.propose(it));
                add_stage("propose", proposals.back().propose_seconds);
            }
        }
        for (std::size_t i = 0; i < pending.size(); ++i) {
            if (proposals[i].injection) {
                slot[i] = injections.size();
                injections.push_back(*proposals[i].injection);
            }
        }
        double t0 = now_seconds();
        std::vector<inject::Validation> validations;
        if (!injections.empty()) {
            inject::ValidateOptions vo;
            // Without a testbench C simulation can only say silent: compare golden and buggy
            // code directly on generated inputs (difftest) so such designs yield samples too.
            vo.differential = !d.spec.has_testbench();
            try {
                validations = inject::validate(d.spec, injections, vo);
            } catch (const InputError& e) {
                // A design whose golden version fails (does not compile, testbench fails) has
                // nothing to compare variants with: skip it, keep its items pending (a fixed
                // design is picked up by the next run) and carry on with the others.
                std::lock_guard lock(mutex_);
                skipped_.push_back(d.spec.name + ": " + first_line(e.what()));
                total_items_ -= static_cast<long>(pending.size());
                return;
            }
        }
        double validate_seconds = now_seconds() - t0;
        add_stage("validate", validate_seconds);
        double per =
            injections.empty() ? 0 : validate_seconds / static_cast<double>(injections.size());
        double parse_share = rules.parse_seconds() / static_cast<double>(pending.size());

        double t1 = now_seconds();
        std::lock_guard lock(mutex_);
        for (std::size_t i = 0; i < pending.size(); ++i) {
            const inject::Validation* v = slot[i] == SIZE_MAX ? nullptr : &validations[slot[i]];
            const Proposal& p = proposals[i];
            if (p.transport) {
                // Not the model's fault: nothing is recorded, the next run asks again.
                ++pending_endpoint_;
                if (first_endpoint_error_.empty()) {
                    first_endpoint_error_ = p.failure;
                }
                continue;
            }
            json timings = {{"parse", parse_share},
                            {"propose", p.propose_seconds},
                            {"validate", v ? per : 0.0}};
            if (llm_) {
                timings["prompt"] = p.prompt_seconds;
                timings["llm"] = p.llm_seconds;
                timings.erase("propose");
            }
            json s = sample_json(d, pending[i], p, v, opts_.backend, opts_.seed, timings);
            record(d, pending[i], p, s);
            progress.add(1, s["verdict"] == "valid", s.value("reason", "") != "no-site");
        }
        add_stage_locked("record", now_seconds() - t1);
        note_wall_locked();
    }

    /// Records this invocation's wall time so far in the store (only once it has done work), so
    /// the manifest's wall_seconds adds up every invocation that contributed, killed or not.
    void note_wall_locked() {
        store_.set_item(run_id_, {detail::k_meta_item, invocation_, 0}, "meta",
                        json{{"wall", now_seconds() - t_start_}}.dump());
    }
    void note_wall() {
        std::lock_guard lock(mutex_);
        if (total_items_ > already_done_) {
            note_wall_locked();
        }
    }

    long already_done() const { return already_done_; }
    long pending_endpoint() const { return pending_endpoint_; }
    const std::string& first_endpoint_error() const { return first_endpoint_error_; }
    long total_items() const { return total_items_; }
    const std::vector<std::string>& skipped() const { return skipped_; }
    const std::map<std::string, double>& stages() const { return stages_; }

  private:
    std::vector<Proposal> propose_with_llm(const DesignEntry& d, const std::vector<Item>& pending) {
        std::vector<detail::LlmRequestSpec> specs;
        for (const auto& it : pending) {
            specs.push_back({it.types, it.key.attempt});
        }
        auto got = llm_->propose(d, specs);
        std::vector<Proposal> out;
        double prompt_s = 0, llm_s = 0;
        for (auto& g : got) {
            Proposal p;
            p.injection = std::move(g.injection);
            p.failure = g.failure;
            p.transport = g.transport;
            p.strategy = g.strategy;
            p.model = g.model;
            p.prompt_hash = g.prompt_hash;
            p.example_ids = g.example_ids;
            p.propose_seconds = g.prompt_seconds + g.llm_seconds;
            p.prompt_seconds = g.prompt_seconds;
            p.llm_seconds = g.llm_seconds;
            prompt_s += g.prompt_seconds;
            llm_s += g.llm_seconds;
            out.push_back(std::move(p));
        }
        add_stage("prompt", prompt_s);
        add_stage("llm", llm_s);
        return out;
    }

    void record(const DesignEntry& d, const Item& item, const Proposal& p, json& s) {
        double t0 = now_seconds();
        bool valid = s["verdict"] == "valid";
        // Order matters for resume: the example and the attempt first (both idempotent or
        // harmless to repeat), the item's "done" mark last.
        if (valid && opts_.feedback && p.injection) {
            rag::ExampleInput ex;
            ex.suite = d.suite;
            ex.design = d.spec.name;
            ex.source = d.source;
            ex.injection = *p.injection;
            ex.verdict = "valid";
            ex.origin = rag::Origin::generated;
            try {
                store_.add_example(ex);
            } catch (const InputError& e) {
                log_verbose(std::string("not added to the RAG examples: ") + e.what());
            }
        }
        if (p.injection || s.value("reason", "") != "no-site") {
            rag::AttemptRecord a;
            a.run_id = run_id_;
            a.design_hash = d.hash;
            a.bug_types = item.types;
            a.strategy = p.strategy;
            a.backend = opts_.backend;
            a.model = p.model;
            a.verdict = s["verdict"];
            a.reason = s.value("reason", "");
            a.prompt_hash = p.prompt_hash;
            a.example_ids = p.example_ids;
            a.seed = static_cast<std::int64_t>(opts_.seed);
            a.validate_ms = s["timings"]["validate"].get<double>() * 1000;
            store_.record_attempt(a);
        }
        s["timings"]["record"] = now_seconds() - t0;
        store_.set_item(run_id_, item.key, "done", s.dump());
    }

    void add_stage(const std::string& stage, double seconds) {
        std::lock_guard lock(mutex_);
        add_stage_locked(stage, seconds);
    }
    void add_stage_locked(const std::string& stage, double seconds) { stages_[stage] += seconds; }

    const GenerateOptions& opts_;
    rag::Store& store_;
    std::int64_t run_id_;
    double t_start_;
    std::string invocation_; ///< this process's key for its wall-time record
    std::mutex mutex_;
    long already_done_ = 0;
    long total_items_ = 0;
    long pending_endpoint_ = 0;
    std::string first_endpoint_error_;
    std::vector<std::string> skipped_;
    std::map<std::string, double> stages_;
    std::unique_ptr<detail::LlmProposer> llm_;
};

json run_config(const GenerateOptions& o, const std::vector<std::string>& types) {
    json c;
    std::vector<std::string> suites;
    for (const auto& s : o.suites) {
        suites.push_back(fs::weakly_canonical(fs::absolute(s)).string());
    }
    std::sort(suites.begin(), suites.end());
    c["suites"] = suites;
    c["bugs"] = types;
    c["combos"] = o.combos;
    c["per_type"] = o.per_type;
    c["backend"] = o.backend;
    c["strategy"] = o.strategy;
    c["seed"] = o.seed;
    c["shard"] = std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count);
    c["model"] = o.model;
    return c;
}

/// The run's strategy per bug type: picked once when the run starts (`auto` reads the store's
/// statistics then) and kept with the run, so a resume sends the prompts the uninterrupted run
/// would have sent. Empty for the rule engine.
std::map<std::string, std::string> fixed_strategies(const GenerateOptions& opts, rag::Store& store,
                                                    std::int64_t run_id,
                                                    const std::vector<std::string>& types) {
    if (opts.backend == "rules") {
        return {};
    }
    constexpr const char* k_table = "strategy-table";
    for (const auto& item : store.run_items(run_id)) {
        if (item.status == "meta" && item.key.design_hash == detail::k_meta_item &&
            item.key.bug_combo == k_table) {
            return json::parse(item.result)
                .at("strategies")
                .get<std::map<std::string, std::string>>();
        }
    }
    auto table = detail::strategy_table(opts, store, types);
    store.set_item(run_id, {detail::k_meta_item, k_table, 0}, "meta",
                   json{{"strategies", table}}.dump());
    return table;
}

} // namespace

RunSummary generate(const GenerateOptions& opts) {
    if (opts.suites.empty()) {
        throw InputError("generate: no suite directory given");
    }
    if (opts.per_type < 1) {
        throw InputError("--per-type must be at least 1");
    }
    if (opts.shard_count < 1 || opts.shard_index < 0 || opts.shard_index >= opts.shard_count) {
        throw InputError("--shard must be I/N with 0 <= I < N");
    }
    double t_start = now_seconds();
    std::vector<std::string> types = opts.bugs;
    if (types.empty()) {
        types = inject::supported_types();
    }
    for (const auto& t : types) {
        BugCatalog::get().at(t);
    }
    auto disc = detail::discover(opts.suites);
    std::vector<const DesignEntry*> mine;
    for (const auto& d : disc.designs) {
        if (detail::in_shard(d, opts.shard_index, opts.shard_count)) {
            mine.push_back(&d);
        }
    }
    if (disc.designs.empty() && disc.skipped.empty()) {
        throw InputError("generate: no designs found in the given suites");
    }
    if (disc.designs.empty()) {
        // Refused before the store or the output directory is touched.
        throw InputError("every design was skipped (" + std::to_string(disc.skipped.size()) +
                         "), nothing generated; e.g. " + disc.skipped.front());
    }

    fs::path db = rag::resolve_db_path(opts.db, opts.config);
    detail::StoreLock lock(db);
    rag::Store store = rag::Store::open(db);
    json config = run_config(opts, types);
    // The same command continues its run (resume after a kill or Ctrl-C; a no-op when done).
    auto existing = store.find_run(config.dump());
    std::int64_t run_id = existing ? *existing : store.begin_run(config.dump());

    auto strategies = fixed_strategies(opts, store, run_id, types);
    Run run(opts, store, run_id, t_start, strategies);
    // Every design gets each single type and up to --combos pairs, each --per-type times.
    long planned = static_cast<long>(mine.size()) *
                   (static_cast<long>(types.size()) + opts.combos) * opts.per_type;
    detail::Progress progress(planned, 0);

    int jobs = opts.jobs > 0 ? opts.jobs
                             : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto worker = [&] {
        while (!stop_requested()) {
            std::size_t i = next++;
            if (i >= mine.size()) {
                return;
            }
            try {
                run.process(*mine[i], types, progress);
            } catch (...) {
                std::lock_guard l(failure_mutex);
                if (!failure) {
                    failure = std::current_exception();
                }
                stop_requested() = true;
            }
        }
    };
    std::vector<std::thread> threads;
    for (int j = 0; j < std::min<int>(jobs, static_cast<int>(mine.size())); ++j) {
        threads.emplace_back(worker);
    }
    for (auto& t : threads) {
        t.join();
    }
    progress.finish();
    if (failure) {
        std::rethrow_exception(failure);
    }

    RunSummary sum;
    sum.run_id = run_id;
    sum.interrupted = stop_requested();
    sum.skipped_designs = disc.skipped;
    for (const auto& s : run.skipped()) {
        sum.skipped_designs.push_back(s);
    }
    std::sort(sum.skipped_designs.begin(), sum.skipped_designs.end()); // not thread order
    sum.items = run.total_items();
    sum.skipped_done = run.already_done();
    sum.pending_endpoint = run.pending_endpoint();
    sum.first_endpoint_error = run.first_endpoint_error();
    sum.stage_seconds = run.stages();
    sum.out = opts.out;
    run.note_wall();

    // Export every finished item of the run (including those done by an earlier, killed run).
    // Timings come from the items, so they cover every invocation that did the run's work.
    std::vector<json> samples;
    std::map<std::string, double> stage_totals;
    double wall_total = 0;
    for (const auto& item : store.run_items(run_id)) {
        if (item.status == "meta") {
            wall_total += json::parse(item.result).value("wall", 0.0);
            continue;
        }
        if (item.status != "done" || item.result.empty()) {
            continue;
        }
        json s = json::parse(item.result);
        json timings = s.value("timings", json::object()); // items() must not outlive it
        for (const auto& [stage, secs] : timings.items()) {
            stage_totals[stage] += secs.get<double>();
        }
        if (s.value("reason", "") == "no-site") {
            continue;
        }
        for (const auto& t : s["bug_types"]) {
            tally(sum.by_type[t.get<std::string>()], s);
        }
        tally(sum.by_strategy[s.value("backend", "") + "/" + s.value("strategy", "")], s);
        samples.push_back(std::move(s));
    }
    std::map<std::string, std::string> golden;
    for (const auto* d : mine) {
        golden[d->hash] = d->source;
    }
    for (auto& s : samples) {
        auto it = golden.find(s.value("design_hash", ""));
        if (it != golden.end()) {
            s["golden_code"] = it->second;
        }
    }
    // Items finish in whatever order the workers reach them; the exports must not depend on it.
    auto sort_key = [](const json& s) {
        return std::make_tuple(s.value("suite", ""), s.value("design", ""),
                               s.value("design_hash", ""), s["bug_types"].dump(),
                               s.value("attempt", 0));
    };
    std::sort(samples.begin(), samples.end(),
              [&](const json& a, const json& b) { return sort_key(a) < sort_key(b); });
    if (!sum.interrupted && sum.pending_endpoint == 0) {
        store.finish_run(run_id);
    }
    sum.wall_seconds = now_seconds() - t_start;
    // manifest.json depends only on the configuration and the results, so a curated dataset
    // regenerates byte for byte; what differs between runs goes to run.json.
    json extra;
    json portable = config;
    portable["suites"] = json::array();
    for (const auto& s : config["suites"]) {
        portable["suites"].push_back(portable_path(s.get<std::string>()));
    }
    portable["strategies"] = strategies;
    extra["config"] = portable;
    extra["skipped_designs"] = sum.skipped_designs;
    json run_info;
    run_info["run_id"] = run_id;
    run_info["store"] = db.string();
    run_info["stage_seconds"] = stage_totals;
    run_info["wall_seconds"] = wall_total;
    run_info["interrupted"] = sum.interrupted;
    detail::export_dataset(opts.out, samples, extra, run_info);
    return sum;
}

std::string summary_table(const RunSummary& s) {
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "%-8s %8s %6s %6s %7s  %s\n", "type", "attempts", "valid",
                  "silent", "invalid", "invalid by reason");
    out += line;
    Tally total;
    auto row = [&](const std::string& name, const Tally& t) {
        std::string reasons;
        for (const auto& [r, n] : t.invalid_by_reason) {
            reasons += (reasons.empty() ? "" : ", ") + r + "=" + std::to_string(n);
        }
        std::snprintf(line, sizeof line, "%-8s %8ld %6ld %6ld %7ld  %s\n", name.c_str(), t.attempts,
                      t.valid, t.silent, t.invalid, reasons.c_str());
        out += line;
    };
    for (const auto& [type, t] : s.by_type) {
        row(type, t);
    }
    out += "\n";
    for (const auto& [strategy, t] : s.by_strategy) {
        row(strategy, t);
    }
    return out;
}

} // namespace hlsv::pipeline
