// The Simulator: golden runs (cached), variant builds (batched mutant schemata or one build per
// variant), trivial compiler equivalence, duplicate detection and parallel sandboxed runs.
#include "build.h"
#include "compare.h"
#include "csim.h"
#include "elf_digest.h"
#include "sandbox.h"
#include "schemata.h"
#include "simulator_impl.h"
#include "tempdir.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <fmt/format.h>
#include <mutex>
#include <set>
#include <thread>

namespace hlsv::csim {

namespace {

// At most this many variants share one batch translation unit: compile time and memory grow
// with the unit, and one bad variant sends the whole chunk to individual builds.
constexpr std::size_t k_max_batch = 48;
constexpr std::size_t k_min_split = 12;

// A temporary directory of a dead process is removed once nobody touched it for this long.
constexpr std::chrono::seconds k_stale_temp_age{600};

nlohmann::json observed_to_json(const Observed& o) {
    nlohmann::json files = nlohmann::json::object();
    for (const auto& [k, v] : o.files) {
        files[k] = v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    }
    return {{"exit_code", o.exit_code}, {"out", o.out}, {"err", o.err}, {"files", files}};
}

Observed observed_from_json(const nlohmann::json& j) {
    Observed o;
    o.exit_code = j.at("exit_code").get<int>();
    o.out = j.at("out").get<std::string>();
    o.err = j.at("err").get<std::string>();
    for (const auto& [k, v] : j.at("files").items()) {
        o.files[k] = v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>());
    }
    return o;
}

Verdict verdict_from_name(const std::string& s) {
    for (Verdict v :
         {Verdict::pass, Verdict::fail, Verdict::mismatch, Verdict::timeout, Verdict::crash,
          Verdict::sanitizer, Verdict::compile_error, Verdict::equivalent}) {
        if (verdict_name(v) == s) {
            return v;
        }
    }
    throw InternalError("unknown verdict in cache: " + s);
}

bool is_source_ext(const fs::path& p) {
    auto e = p.extension().string();
    return e == ".c" || e == ".cpp" || e == ".cc" || e == ".cxx";
}

} // namespace

void parallel_for(std::size_t n, int jobs, const std::function<void(std::size_t)>& fn) {
    if (n == 0) {
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr first_error;
    std::mutex mu;
    auto worker = [&] {
        for (std::size_t i; (i = next++) < n;) {
            try {
                fn(i);
            } catch (...) {
                std::lock_guard lock(mu);
                if (!first_error) {
                    first_error = std::current_exception();
                }
            }
        }
    };
    std::size_t threads = std::min<std::size_t>(n, std::max(1, jobs));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) {
        pool.emplace_back(worker);
    }
    worker();
    for (auto& t : pool) {
        t.join();
    }
    if (first_error) {
        std::rethrow_exception(first_error);
    }
}

Simulator::Impl::Impl(Options o) : opts(std::move(o)) {
    // Directories left by SIGKILLed hlsv processes (no destructor ran); one readdir of $TMPDIR.
    // The age guard is a margin for what the pid check cannot see (a helper that outlived its
    // parent, another host sharing $TMPDIR).
    sweep_stale_temp_dirs(temp_parent(), k_stale_temp_age);
    cache_dir = opts.cache_dir.empty() ? default_cache_dir() : opts.cache_dir;
    jobs = opts.jobs > 0 ? opts.jobs
                         : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

double Simulator::Impl::timeout_for(const DesignSpec& d) const {
    return opts.timeout_s > 0 ? opts.timeout_s : d.timeout_s;
}

void Simulator::Impl::require_testbench(const DesignSpec& d) const {
    if (!d.has_testbench()) {
        throw InputError(d.dir, "design has no testbench: C simulation needs one");
    }
}

Run Simulator::Impl::run_exe(const DesignSpec& d, const fs::path& exe,
                             const std::map<std::string, std::string>& extra_env,
                             const fs::path& gcov_dir) {
    TempDir run("hlsv-run-", {}, opts.keep);
    for (const auto& name : d.data) {
        fs::path src = fs::path(name).is_absolute() ? fs::path(name) : d.dir / name;
        fs::path dst = run.path() / fs::path(name).filename();
        std::error_code ec;
        if (fs::is_directory(src, ec)) {
            fs::copy(src, dst, fs::copy_options::recursive, ec);
        } else {
            fs::copy_file(src, dst, ec);
        }
        if (ec) {
            throw InputError(src, "cannot copy data file into the run directory: " + ec.message());
        }
    }
    fs::path local = run.path() / "hlsv_sim";
    fs::copy_file(exe, local);
    prepare_run_dir(run.path());
    if (!gcov_dir.empty()) {
        prepare_run_dir(gcov_dir); // the instrumented program writes .gcda files there
    }
    Command cmd;
    cmd.argv = {"./hlsv_sim"};
    cmd.argv.insert(cmd.argv.end(), d.args.begin(), d.args.end());
    cmd.cwd = run.path();
    cmd.env = base_env(run.path());
    if (const char* c = std::getenv("HLSV_CASE"); c && *c) {
        cmd.env["HLSV_CASE"] = c;
    }
    if (opts.sanitize) {
        cmd.env["ASAN_OPTIONS"] = "detect_leaks=0:abort_on_error=0:allocator_may_return_null=1";
        cmd.env["UBSAN_OPTIONS"] = "print_stacktrace=1";
    }
    for (const auto& [k, v] : opts.env) {
        cmd.env[k] = v;
    }
    for (const auto& [k, v] : extra_env) {
        cmd.env[k] = v;
    }
    double timeout = timeout_for(d);
    cmd.limits.wall_s = timeout;
    cmd.limits.cpu_s = timeout + 1;
    cmd.limits.address_space = opts.sanitize ? 0 : opts.memory_limit;
    cmd.limits.output_cap = opts.output_cap;
    cmd.limits.max_processes = opts.max_processes;
    Run r;
    r.outcome = run_command(cmd);
    r.files = collect_files(d, run.path());
    return r;
}

Result Simulator::Impl::judge(const DesignSpec& d, const Run& run,
                              const GoldenRecord* golden) const {
    Result r = classify(run.outcome, opts, timeout_for(d));
    if (r.verdict == Verdict::pass && golden) {
        Observed obs{run.outcome.exit_code, run.outcome.out, run.outcome.err, run.files};
        if (auto diff = first_difference(d, golden->obs, obs)) {
            r.verdict = Verdict::mismatch;
            r.detail = *diff;
        }
    }
    return r;
}

std::string Simulator::Impl::golden_key(const DesignSpec& d, const Toolchain& tc) const {
    std::string k = tc.fingerprint() + '\n';
    for (const auto& f : d.sources) {
        k += "src " + f.filename().string() + ' ' + sha256_hex(read_file(f)) + '\n';
    }
    for (const auto& f : d.testbench) {
        k += "tb " + f.filename().string() + ' ' + sha256_hex(read_file(f)) + '\n';
    }
    for (const auto& name : d.data) {
        fs::path p = fs::path(name).is_absolute() ? fs::path(name) : d.dir / name;
        std::error_code ec;
        k += "data " + name + ' ' +
             (fs::is_regular_file(p, ec) ? sha256_hex(read_file(p, 1ull << 30)) : "dir") + '\n';
    }
    for (const auto& a : d.args) {
        k += "arg " + a + '\n';
    }
    for (const auto& c : d.compare) {
        k += "cmp " + c + '\n';
    }
    for (const auto& [key, v] : opts.env) {
        k += "env " + key + '=' + v + '\n';
    }
    if (const char* c = std::getenv("HLSV_CASE")) {
        k += std::string("case ") + c + '\n';
    }
    k += "timeout " + std::to_string(timeout_for(d)) + " sanitize " + std::to_string(opts.sanitize);
    return sha256_hex(k);
}

BuildStep Simulator::Impl::link(const Toolchain& tc, const std::vector<fs::path>& objs,
                                const fs::path& exe, const fs::path& cwd) const {
    std::vector<std::string> argv = {tc.linker()};
    for (const auto& o : objs) {
        argv.push_back(o.string());
    }
    auto lf = tc.link_flags();
    argv.insert(argv.end(), lf.begin(), lf.end());
    argv.insert(argv.end(), {"-o", exe.string()});
    return run_compiler(argv, cwd);
}

std::optional<std::vector<fs::path>> Simulator::Impl::testbench_objects(const DesignSpec& d,
                                                                        const Toolchain& tc,
                                                                        BuildStep& step) const {
    std::vector<fs::path> objs;
    for (const auto& f : d.testbench) {
        auto o = cached_object(tc, cache_dir, f, step);
        if (!o) {
            return std::nullopt;
        }
        objs.push_back(*o);
    }
    return objs;
}

std::shared_ptr<const GoldenRecord> Simulator::Impl::golden(const DesignSpec& d, bool* hit) {
    require_testbench(d);
    Toolchain tc(d, opts);
    std::string key = golden_key(d, tc);
    std::shared_ptr<std::mutex> key_mu;
    {
        std::lock_guard lock(mu);
        if (auto it = goldens.find(key); it != goldens.end()) {
            if (hit) {
                *hit = true;
            }
            return it->second;
        }
        auto& m = golden_locks[key];
        if (!m) {
            m = std::make_shared<std::mutex>();
        }
        key_mu = m;
    }
    std::lock_guard key_lock(*key_mu); // one build per key, concurrent callers wait
    {
        std::lock_guard lock(mu);
        if (auto it = goldens.find(key); it != goldens.end()) {
            return it->second;
        }
    }
    auto rec = std::make_shared<GoldenRecord>();
    fs::path cache_file = cache_dir / "golden" / (key + ".json");
    bool loaded = false;
    std::error_code ec;
    if (fs::exists(cache_file, ec)) {
        try {
            auto j = nlohmann::json::parse(read_file(cache_file, 1ull << 30));
            rec->obs = observed_from_json(j.at("observed"));
            rec->result.verdict = verdict_from_name(j.at("verdict").get<std::string>());
            rec->result.detail = j.at("detail").get<std::string>();
            rec->result.exit_code = j.at("exit_code").get<int>();
            rec->result.signal = j.at("signal").get<int>();
            rec->result.seconds = j.at("seconds").get<double>();
            rec->result.stdout_text = rec->obs.out;
            rec->result.stderr_text = rec->obs.err;
            rec->result.cached = true;
            loaded = true;
        } catch (const std::exception& ex) {
            log_warning(cache_file.string() + ": ignoring unreadable cache entry (" + ex.what() +
                        ")");
        }
    }
    if (!loaded) {
        TempDir build("hlsv-build-", {}, opts.keep);
        BuildStep step;
        std::vector<fs::path> objs;
        bool ok = true;
        for (const auto& f : d.sources) {
            auto o = cached_object(tc, cache_dir, f, step);
            if (!o) {
                ok = false;
                break;
            }
            objs.push_back(*o);
        }
        if (ok) {
            auto tb = testbench_objects(d, tc, step);
            ok = tb.has_value();
            if (ok) {
                objs.insert(objs.end(), tb->begin(), tb->end());
            }
        }
        fs::path exe = build.path() / "sim";
        if (ok) {
            step = link(tc, objs, exe, build.path());
            ok = step.ok;
        }
        if (!ok) {
            rec->result.verdict = Verdict::compile_error;
            rec->result.detail = step.diagnostic;
            rec->result.stderr_text = step.log;
        } else {
            Run run = run_exe(d, exe, {}, {});
            rec->result = judge(d, run, nullptr);
            rec->obs = {run.outcome.exit_code, run.outcome.out, run.outcome.err, run.files};
        }
        // Timeouts depend on machine load: never cached.
        if (rec->result.verdict != Verdict::timeout) {
            nlohmann::json j = {{"verdict", verdict_name(rec->result.verdict)},
                                {"detail", rec->result.detail},
                                {"exit_code", rec->result.exit_code},
                                {"signal", rec->result.signal},
                                {"seconds", rec->result.seconds},
                                {"observed", observed_to_json(rec->obs)}};
            try {
                write_file_atomic(cache_file, j.dump());
            } catch (const Error& ex) {
                log_warning(std::string("golden cache not written: ") + ex.what());
            }
        }
    }
    std::lock_guard lock(mu);
    goldens[key] = rec;
    return rec;
}

// ---- variants ----------------------------------------------------------------------------

namespace {

struct Plan {
    enum class Kind { batch, individual, failed } kind = Kind::individual;
    std::string source; ///< for batch: the replaced source's file name
    std::string detail; ///< for failed: why it cannot build (an unreplaced file does not compile)
};

} // namespace

std::vector<Result> Simulator::Impl::run_variants(const DesignSpec& d,
                                                  const std::vector<Variant>& variants,
                                                  bool standalone) {
    require_testbench(d);
    // Standalone: no golden to compare to; the design's files need not even compile, as long
    // as each variant replaces the ones that do not.
    std::shared_ptr<const GoldenRecord> gold = standalone ? nullptr : golden(d);
    if (gold && gold->result.verdict != Verdict::pass) {
        throw InputError(d.dir,
                         "the golden design does not pass its testbench (" +
                             std::string(verdict_name(gold->result.verdict)) +
                             (gold->result.detail.empty() ? "" : ": " + gold->result.detail) +
                             "); fix it before validating variants");
    }
    Toolchain tc(d, opts);
    std::map<std::string, fs::path> sources; // file name -> path
    for (const auto& s : d.sources) {
        sources[s.filename().string()] = s;
    }
    std::set<std::string> known;
    for (const auto& f : design_code_files(d.dir)) {
        known.insert(f.filename().string());
    }
    for (const auto& [name, p] : sources) {
        known.insert(name);
    }
    // Objects of the unreplaced files. With a golden they compiled a moment ago; standalone, a
    // file that does not compile is recorded (empty object path) and blamed on the variants
    // that keep it.
    BuildStep tb_step;
    auto tb_objs = testbench_objects(d, tc, tb_step);
    if (!tb_objs && !standalone) {
        throw InternalError("testbench stopped compiling: " + tb_step.diagnostic);
    }
    std::map<std::string, fs::path> golden_objs;
    std::map<std::string, std::string> broken; // golden source -> first diagnostic
    for (const auto& [name, path] : sources) {
        BuildStep s;
        auto o = cached_object(tc, cache_dir, path, s);
        if (!o && !standalone) {
            throw InternalError(name + ": golden source stopped compiling: " + s.diagnostic);
        }
        golden_objs[name] = o ? *o : fs::path{};
        if (!o) {
            broken[name] = s.diagnostic;
        }
    }

    // Plan: which variants can share a batch unit.
    std::map<std::string, std::optional<std::vector<ExportedFunction>>> golden_exports;
    std::set<std::string> unwrappable;
    std::vector<Plan> plan(variants.size());
    for (std::size_t i = 0; i < variants.size(); ++i) {
        const auto& v = variants[i];
        if (v.files.empty()) {
            throw InputError("variant " + std::to_string(i) + ": replaces no file");
        }
        for (const auto& [name, text] : v.files) {
            if (!known.count(name) || name.find('/') != std::string::npos) {
                throw InputError(d.dir / name, "variant " + std::to_string(i) +
                                                   ": the design has no file with this name");
            }
        }
        bool sources_only = std::all_of(v.files.begin(), v.files.end(),
                                        [&](const auto& f) { return sources.count(f.first) > 0; });
        if (sources_only) {
            // Reuses the prebuilt objects of the files it keeps: they must exist.
            if (!tb_objs) {
                plan[i] = {Plan::Kind::failed, "", tb_step.diagnostic};
                continue;
            }
            for (const auto& [name, diag] : broken) {
                if (!v.files.count(name)) {
                    plan[i] = {Plan::Kind::failed, "", diag};
                    break;
                }
            }
            if (plan[i].kind == Plan::Kind::failed) {
                continue;
            }
        }
        const std::string& name = v.files.begin()->first;
        bool batchable = opts.batch && d.language == "c++" && v.files.size() == 1 &&
                         sources.count(name) && is_source_ext(name) && !is_c_file(name) &&
                         !broken.count(name);
        if (batchable) {
            auto& ge = golden_exports[name];
            if (!ge) {
                ge = exported_functions(read_file(sources[name]));
                if (!ge) {
                    ge = std::vector<ExportedFunction>{}; // marks "not wrappable"
                    unwrappable.insert(name);
                }
            }
            if (unwrappable.count(name) || ge->empty()) {
                batchable = false;
            } else {
                auto ve = exported_functions(v.files.begin()->second);
                batchable = ve && ve->size() == ge->size();
                for (std::size_t k = 0; batchable && k < ve->size(); ++k) {
                    batchable = (*ve)[k].signature == (*ge)[k].signature;
                }
            }
        }
        if (batchable) {
            plan[i] = {Plan::Kind::batch, name, {}};
        }
    }
    std::vector<Result> results(variants.size());
    for (std::size_t i = 0; i < variants.size(); ++i) {
        if (plan[i].kind == Plan::Kind::failed) {
            results[i].verdict = Verdict::compile_error;
            results[i].detail = plan[i].detail;
        }
    }
    std::vector<std::string> digest(variants.size()); // "" : unknown
    std::vector<fs::path> exe(variants.size());
    std::vector<std::map<std::string, std::string>> env(variants.size());
    std::vector<char> built(variants.size(), 0); // not vector<bool>: written by threads
    std::vector<std::unique_ptr<TempDir>> dirs;
    std::mutex dirs_mu;
    auto new_dir = [&](const char* prefix) -> const fs::path& {
        auto t = std::make_unique<TempDir>(prefix, fs::path{}, opts.keep);
        std::lock_guard lock(dirs_mu);
        dirs.push_back(std::move(t));
        return dirs.back()->path();
    };

    // Batch chunks: per replaced source, split so every job has a unit to compile.
    struct Chunk {
        std::string source;
        std::vector<std::size_t> members;
    };
    std::vector<Chunk> chunks;
    {
        std::map<std::string, std::vector<std::size_t>> by_source;
        for (std::size_t i = 0; i < variants.size(); ++i) {
            if (plan[i].kind == Plan::Kind::batch) {
                by_source[plan[i].source].push_back(i);
            }
        }
        for (auto& [src, members] : by_source) {
            // Each extra unit re-parses the headers and links once more: split for parallel
            // builds only when every part still gets k_min_split variants.
            std::size_t parts =
                std::max<std::size_t>({1, std::min<std::size_t>(jobs, members.size() / k_min_split),
                                       (members.size() + k_max_batch - 1) / k_max_batch});
            std::size_t per = (members.size() + parts - 1) / parts;
            for (std::size_t s = 0; s < members.size(); s += per) {
                Chunk c{src, {}};
                for (std::size_t k = s; k < std::min(members.size(), s + per); ++k) {
                    c.members.push_back(members[k]);
                }
                chunks.push_back(std::move(c));
            }
        }
    }

    auto t_build = std::chrono::steady_clock::now();
    // Build phase: batch chunks and individual variants, in parallel.
    std::vector<std::size_t> singles;
    for (std::size_t i = 0; i < variants.size(); ++i) {
        if (plan[i].kind == Plan::Kind::individual) {
            singles.push_back(i);
        }
    }
    std::mutex fallback_mu;
    std::vector<std::size_t> fallback;
    parallel_for(chunks.size(), jobs, [&](std::size_t c) {
        const std::string& source = chunks[c].source;
        std::string golden_text = read_file(sources[source]);
        // A failed unit drops the variants its diagnostics blame and retries; when nothing can
        // be blamed it is split in halves. Variants left alone are built individually.
        std::vector<std::vector<std::size_t>> pending = {chunks[c].members};
        while (!pending.empty()) {
            std::vector<std::size_t> members = std::move(pending.back());
            pending.pop_back();
            const fs::path& dir = new_dir("hlsv-batch-");
            std::vector<std::string> versions = {golden_text};
            for (auto i : members) {
                versions.push_back(variants[i].files.begin()->second);
            }
            std::set<std::size_t> bad;
            bool ok = build_batch(
                bad, d, tc, source, versions, *golden_exports[source], dir, golden_objs, *tb_objs,
                [&](std::size_t slot, const std::string& dg, bool equivalent, const fs::path& x) {
                    std::size_t i = members[slot - 1];
                    digest[i] = "batch:" + source + ":" + dg;
                    exe[i] = x;
                    env[i] = {{"HLSV_VARIANT", std::to_string(slot)}};
                    results[i].batched = true;
                    if (equivalent && !standalone) {
                        results[i].verdict = Verdict::equivalent;
                        results[i].detail = "object code identical to the golden's";
                    }
                    built[i] = 1;
                });
            if (ok) {
                continue;
            }
            std::vector<std::size_t> rest, alone;
            if (bad.count(0)) {
                // The golden itself does not survive the schema: build everything alone.
                std::lock_guard lock(fallback_mu);
                fallback.insert(fallback.end(), members.begin(), members.end());
                continue;
            }
            bool blamed = !bad.empty();
            for (std::size_t k = 0; k < members.size(); ++k) {
                (blamed && bad.count(k + 1) ? alone : rest).push_back(members[k]);
            }
            if (!blamed) {
                if (members.size() == 1) {
                    alone = members;
                } else {
                    std::size_t half = members.size() / 2;
                    pending.emplace_back(members.begin(), members.begin() + half);
                    pending.emplace_back(members.begin() + half, members.end());
                }
            } else if (!rest.empty()) {
                pending.push_back(std::move(rest));
            }
            std::lock_guard lock(fallback_mu);
            fallback.insert(fallback.end(), alone.begin(), alone.end());
        }
    });
    singles.insert(singles.end(), fallback.begin(), fallback.end());
    parallel_for(singles.size(), jobs, [&](std::size_t k) {
        std::size_t i = singles[k];
        const fs::path& dir = new_dir("hlsv-build-");
        Single s = build_single(d, tc, variants[i], dir, golden_objs, *tb_objs);
        results[i].batched = false;
        if (!s.step.ok) {
            results[i].verdict = Verdict::compile_error;
            results[i].detail = s.step.diagnostic;
            results[i].stderr_text = s.step.log;
            return;
        }
        digest[i] = s.digest.empty() ? "" : "single:" + s.digest;
        exe[i] = s.exe;
        if (s.equivalent && !standalone) {
            results[i].verdict = Verdict::equivalent;
            results[i].detail = "object code identical to the golden's";
        }
        built[i] = 1;
    });

    auto t_run = std::chrono::steady_clock::now();
    // Duplicates: same object code as an earlier variant.
    std::map<std::string, std::size_t> first_with;
    std::vector<std::size_t> to_run;
    for (std::size_t i = 0; i < variants.size(); ++i) {
        if (!built[i]) {
            continue;
        }
        if (!digest[i].empty()) {
            auto [it, fresh] = first_with.emplace(digest[i], i);
            if (!fresh) {
                results[i].duplicate_of = it->second;
                continue;
            }
        }
        if (results[i].verdict != Verdict::equivalent) {
            to_run.push_back(i);
        }
    }
    parallel_for(to_run.size(), jobs, [&](std::size_t k) {
        std::size_t i = to_run[k];
        bool batched = results[i].batched;
        Run run = run_exe(d, exe[i], env[i], {});
        results[i] = judge(d, run, gold.get()); // no golden: pass when the testbench exits 0
        results[i].batched = batched;
    });
    auto t_end = std::chrono::steady_clock::now();
    log_verbose(fmt::format("csim {}: {} variants in {} batch units, {} alone; build {:.2f} s, "
                            "{} runs {:.2f} s",
                            d.name, variants.size(), chunks.size(), singles.size(),
                            std::chrono::duration<double>(t_run - t_build).count(), to_run.size(),
                            std::chrono::duration<double>(t_end - t_run).count()));
    for (std::size_t i = 0; i < variants.size(); ++i) {
        if (results[i].duplicate_of) {
            std::size_t first = *results[i].duplicate_of;
            bool batched = results[i].batched;
            results[i] = results[first];
            results[i].duplicate_of = first;
            results[i].batched = batched;
            results[i].detail = "same object code as variant " + std::to_string(first) +
                                (results[first].detail.empty() ? "" : "; " + results[first].detail);
        }
    }
    return results;
}

bool Simulator::Impl::build_batch(
    std::set<std::size_t>& bad_slots, const DesignSpec& d, const Toolchain& tc,
    const std::string& source, const std::vector<std::string>& versions,
    const std::vector<ExportedFunction>& exports, const fs::path& dir,
    const std::map<std::string, fs::path>& golden_objs, const std::vector<fs::path>& tb_objs,
    const std::function<void(std::size_t, const std::string&, bool, const fs::path&)>& done) const {
    fs::path unit = dir / ("batch_" + source);
    write_file_atomic(unit, make_batch(source, versions, exports));
    std::vector<std::string> argv = {tc.compiler_for(unit)};
    auto flags = tc.compile_flags(d.dir / source); // without identical-code folding
    argv.insert(argv.end(), flags.begin(), flags.end());
    auto pch = pch_flags(tc, cache_dir, unit, read_file(unit));
    argv.insert(argv.end(), pch.begin(), pch.end());
    argv.insert(argv.end(), {"-c", unit.filename().string(), "-o", "batch.o"});
    BuildStep step = run_compiler(argv, dir);
    fs::path exe = dir / "sim";
    if (step.ok) {
        std::vector<fs::path> objs = {dir / "batch.o"};
        for (const auto& [name, o] : golden_objs) {
            if (name != source) {
                objs.push_back(o);
            }
        }
        objs.insert(objs.end(), tb_objs.begin(), tb_objs.end());
        step = link(tc, objs, exe, dir);
    }
    if (!step.ok) {
        log_verbose("batch of " + std::to_string(versions.size() - 1) + " variants of " + source +
                    " failed (" + step.diagnostic + ")");
        // Diagnostics name slots through #line file names and mangled/demangled symbols; an
        // error in the dispatchers is the schema's own (slot 0: nothing can be batched).
        if (step.log.find("hlsv_dispatch") != std::string::npos) {
            bad_slots.insert(0);
            return false;
        }
        for (std::size_t p = step.log.find("hlsv_v"); p != std::string::npos;
             p = step.log.find("hlsv_v", p + 1)) {
            if (p + 10 <= step.log.size() &&
                std::all_of(step.log.begin() + p + 6, step.log.begin() + p + 10,
                            [](char c) { return c >= '0' && c <= '9'; })) {
                bad_slots.insert(std::stoul(step.log.substr(p + 6, 4)));
            }
        }
        return false;
    }
    std::string object = read_file(dir / "batch.o", 1ull << 31);
    auto golden_digests = section_digests(object, slot_namespace(0));
    for (std::size_t slot = 1; slot < versions.size(); ++slot) {
        auto dg = section_digests(object, slot_namespace(slot));
        done(slot, combined_digest(dg), !dg.empty() && dg == golden_digests, exe);
    }
    return true;
}

Single Simulator::Impl::build_single(const DesignSpec& d, const Toolchain& tc, const Variant& v,
                                     const fs::path& dir,
                                     const std::map<std::string, fs::path>& golden_objs,
                                     const std::vector<fs::path>& tb_objs) const {
    Single s;
    bool sources_only = true;
    for (const auto& [name, text] : v.files) {
        sources_only = sources_only && golden_objs.count(name);
    }
    std::vector<fs::path> objs;
    if (sources_only) {
        bool all_equal = true;
        std::string dg;
        for (const auto& [name, golden_obj] : golden_objs) {
            auto it = v.files.find(name);
            if (it == v.files.end()) {
                objs.push_back(golden_obj);
                continue;
            }
            write_file_atomic(dir / name, it->second);
            fs::path obj = dir / (name + ".o");
            std::vector<std::string> argv = {tc.compiler_for(name)};
            auto flags = tc.compile_flags(d.dir / name);
            argv.insert(argv.end(), flags.begin(), flags.end());
            auto pch = pch_flags(tc, cache_dir, d.dir / name, it->second);
            argv.insert(argv.end(), pch.begin(), pch.end());
            argv.insert(argv.end(), {"-c", name, "-o", obj.string()});
            s.step = run_compiler(argv, dir);
            if (!s.step.ok) {
                return s;
            }
            objs.push_back(obj);
            auto mine = section_digests(read_file(obj, 1ull << 31));
            // An empty golden object: the original does not compile (standalone runs).
            all_equal = all_equal && !golden_obj.empty() &&
                        mine == section_digests(read_file(golden_obj, 1ull << 31));
            dg += name + ":" + combined_digest(mine) + ";";
        }
        s.equivalent = all_equal;
        s.digest = dg;
        objs.insert(objs.end(), tb_objs.begin(), tb_objs.end());
    } else {
        // A header (or other shared file) changes: rebuild everything from an overlay copy.
        fs::path src = dir / "src";
        fs::create_directories(src);
        for (const auto& f : design_code_files(d.dir)) {
            fs::copy_file(f, src / f.filename());
        }
        for (const auto& s2 : d.sources) {
            fs::copy_file(s2, src / s2.filename(), fs::copy_options::overwrite_existing);
        }
        for (const auto& t : d.testbench) {
            fs::copy_file(t, src / t.filename(), fs::copy_options::overwrite_existing);
        }
        for (const auto& [name, text] : v.files) {
            write_file_atomic(src / name, text);
        }
        std::vector<fs::path> files = d.sources;
        files.insert(files.end(), d.testbench.begin(), d.testbench.end());
        for (const auto& f : files) {
            std::string name = f.filename().string();
            fs::path obj = src / (name + ".o");
            std::vector<std::string> argv = {tc.compiler_for(name), "-I" + src.string()};
            auto flags = tc.compile_flags(src / name);
            argv.insert(argv.end(), flags.begin(), flags.end());
            argv.insert(argv.end(), {"-c", name, "-o", obj.string()});
            s.step = run_compiler(argv, src);
            if (!s.step.ok) {
                return s;
            }
            objs.push_back(obj);
        }
    }
    s.exe = dir / "sim";
    s.step = link(tc, objs, s.exe, dir);
    return s;
}

// ---- the public face ---------------------------------------------------------------------

Simulator::Simulator(Options opts) : impl_(std::make_unique<Impl>(std::move(opts))) {}
Simulator::~Simulator() = default;

const Options& Simulator::options() const {
    return impl_->opts;
}

Result Simulator::run_golden(const DesignSpec& design) {
    bool hit = false;
    Result r = impl_->golden(design, &hit)->result;
    r.cached = r.cached || hit;
    return r;
}

std::vector<Result> Simulator::run_variants(const DesignSpec& design,
                                            const std::vector<Variant>& variants) {
    return impl_->run_variants(design, variants, /*standalone=*/false);
}

std::vector<Result> Simulator::run_standalone(const DesignSpec& design,
                                              const std::vector<Variant>& variants) {
    return impl_->run_variants(design, variants, /*standalone=*/true);
}

} // namespace hlsv::csim
