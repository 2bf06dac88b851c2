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
#include <regex>
#include <set>
#include <thread>

namespace hlsv::csim {

namespace {

// At most this many variants share one batch translation unit: compile time and memory grow
// with the unit, and one bad variant sends the whole chunk to individual builds.
constexpr std::size_t k_max_batch = 48;
constexpr std::size_t k_min_split = 12;

// A temporary directory of a dead process is removed at the next start. Its processes cannot
// outlive it (pid namespace, parent-death signal), so no age margin is needed beyond the
// moment between mkdtemp and the first write.
constexpr std::chrono::seconds k_stale_temp_age{0};

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

IsolationReport isolation_from_json(const nlohmann::json& j) {
    IsolationReport r;
    r.pid_namespace = j.value("pid_namespace", false);
    r.network = j.value("network", false);
    r.readonly_fs = j.value("readonly_fs", false);
    r.private_tmp = j.value("private_tmp", false);
    r.user_namespace = j.value("user_namespace", false);
    r.dropped_privileges = j.value("dropped_privileges", false);
    r.parent_death_signal = j.value("parent_death_signal", false);
    r.note = j.value("note", std::string());
    return r;
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

std::vector<fs::path> testbench_only(const DesignSpec& d) {
    std::vector<fs::path> out;
    for (const auto& t : d.testbench) {
        if (std::find(d.sources.begin(), d.sources.end(), t) == d.sources.end() &&
            std::find(out.begin(), out.end(), t) == out.end()) {
            out.push_back(t);
        }
    }
    return out;
}

Oracle oracle_of(const DesignSpec& d, const Observed* golden) {
    Oracle o;
    auto compares = [&](const std::string& what) {
        return std::find(d.compare.begin(), d.compare.end(), what) != d.compare.end();
    };
    o.exit = true;
    o.reference = !d.expect.empty();
    o.stdout_text =
        !d.expect.stdout_ref.empty() || (golden && compares("stdout") && !golden->out.empty());
    o.stderr_text =
        !d.expect.stderr_ref.empty() || (golden && compares("stderr") && !golden->err.empty());
    for (const auto& c : d.compare) {
        if (c != "exit" && c != "stdout" && c != "stderr" && golden) {
            o.files.push_back(c);
        }
    }
    for (const auto& [out, ref] : d.expect.files) {
        if (std::find(o.files.begin(), o.files.end(), out) == o.files.end()) {
            o.files.push_back(out);
        }
    }
    // Can the oracle fail by itself? A heuristic over the files that hold `main`: a return of
    // something other than 0, exit(non-zero), assert or abort.
    static const std::regex fails(
        R"((\breturn\s*\(?\s*(-\s*)?[1-9A-Za-z_(!]|\bexit\s*\(\s*[^0\s)]|\bassert\s*\(|\babort\s*\(|EXIT_FAILURE))");
    std::vector<fs::path> oracle_files = d.testbench;
    if (d.main_in_sources && d.testbench.empty()) {
        oracle_files = d.sources;
    }
    for (const auto& f : oracle_files) {
        try {
            std::string text = read_file(f);
            // Only the body of main counts: helpers returning values say nothing.
            static const std::regex main_def(R"(\bmain\s*\([^)]*\)\s*\{)");
            std::smatch m;
            if (std::regex_search(text, m, main_def)) {
                std::size_t pos = std::size_t(m.position(0) + m.length(0));
                int depth = 1;
                std::size_t end = pos;
                while (end < text.size() && depth > 0) {
                    depth += text[end] == '{' ? 1 : text[end] == '}' ? -1 : 0;
                    ++end;
                }
                std::string body = text.substr(pos, end - pos);
                o.self_check = o.self_check || std::regex_search(body, fails);
            }
        } catch (const Error&) {
        }
    }
    return o;
}

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
    // Owners are matched by pid and pid namespace, so a $TMPDIR shared between hosts is not
    // supported (docs/security.md).
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
    // Coverage runs write .gcda files outside the run directory: no read-only view for them.
    cmd.isolation = opts.isolate && gcov_dir.empty() ? Isolation::full : Isolation::process;
    Run r;
    r.outcome = run_command(cmd);
    r.files = collect_files(d, run.path());
    return r;
}

Result Simulator::Impl::judge(const DesignSpec& d, const Run& run,
                              const GoldenRecord* golden) const {
    Result r = classify(run.outcome, opts, timeout_for(d));
    Observed obs{run.outcome.exit_code, run.outcome.out, run.outcome.err, run.files};
    r.observed = golden ? golden->result.observed : oracle_of(d, nullptr);
    if (r.verdict == Verdict::pass && !d.expect.empty()) {
        if (auto diff = reference_difference(d, obs)) {
            r.verdict = Verdict::mismatch;
            r.detail = *diff;
        }
    }
    if (r.verdict == Verdict::pass && golden) {
        if (auto diff = first_difference(d, golden->obs, obs)) {
            r.verdict = Verdict::mismatch;
            r.detail = *diff;
        }
    }
    return r;
}

std::string Simulator::Impl::golden_key(const DesignSpec& d, const Toolchain& tc,
                                        const std::vector<std::string>& object_keys) const {
    // Objects are keyed by their whole dependency closure (see cached_object); what a run reads
    // besides its program: data files and folders, argument files, reference outputs, and
    // anything else in the design folder (a testbench may open files by absolute path).
    std::string k = tc.fingerprint() + '\n';
    for (const auto& o : object_keys) {
        k += "obj " + o + '\n';
    }
    for (const auto& name : d.data) {
        fs::path p = fs::path(name).is_absolute() ? fs::path(name) : d.dir / name;
        k += "data " + name + ' ' + path_hash(p) + '\n';
    }
    for (const auto& a : d.args) {
        k += "arg " + a;
        std::error_code ec;
        for (const fs::path& p : {fs::path(a), d.dir / a}) {
            if (!a.empty() && fs::is_regular_file(p, ec)) {
                k += ' ' + content_hash(p);
                break;
            }
        }
        k += '\n';
    }
    for (const auto& c : d.compare) {
        k += "cmp " + c + '\n';
    }
    for (const auto& i : d.ignore) {
        k += "ignore " + i + '\n';
    }
    // The reference outputs do not change the run, only its judgement: keyed all the same.
    k += "expect " + (d.expect.stdout_ref.empty() ? "-" : content_hash(d.expect.stdout_ref)) + ' ' +
         (d.expect.stderr_ref.empty() ? "-" : content_hash(d.expect.stderr_ref)) + ' ' +
         std::to_string(d.expect.tolerance) + '\n';
    for (const auto& [out, ref] : d.expect.files) {
        k += "expect-file " + out + ' ' + content_hash(ref) + '\n';
    }
    k += "tree " + path_hash(d.dir, 64ull << 20) + '\n';
    k += "main_in_sources " + std::to_string(d.main_in_sources) + '\n';
    for (const auto& [key, v] : opts.env) {
        k += "env " + key + '=' + v + '\n';
    }
    if (const char* c = std::getenv("HLSV_CASE")) {
        k += std::string("case ") + c + '\n';
    }
    k += "timeout " + std::to_string(timeout_for(d)) + " sanitize " +
         std::to_string(opts.sanitize) + " isolate " + std::to_string(opts.isolate) + " memory " +
         std::to_string(opts.memory_limit) + " cap " + std::to_string(opts.output_cap);
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
    BuildStep step = run_compiler(argv, cwd);
    if (opts.keep) {
        // The kept directory says how its program was linked (objects live in the cache).
        std::string log;
        for (const auto& a : argv) {
            log += a + ' ';
        }
        log += "\n" + step.log;
        write_file_atomic(cwd / "link.log", log);
    }
    return step;
}

std::optional<std::vector<fs::path>>
Simulator::Impl::testbench_objects(const DesignSpec& d, const Toolchain& tc, BuildStep& step,
                                   std::vector<std::string>* keys) const {
    std::vector<fs::path> objs;
    for (const auto& f : testbench_only(d)) {
        std::string key;
        auto o = cached_object(tc, cache_dir, f, step, &key, opts.use_cache);
        if (!o) {
            return std::nullopt;
        }
        objs.push_back(*o);
        if (keys) {
            keys->push_back("tb " + f.string() + ' ' + key);
        }
    }
    return objs;
}

std::shared_ptr<const GoldenRecord> Simulator::Impl::golden(const DesignSpec& d, bool* hit) {
    require_testbench(d);
    Toolchain tc(d, opts);
    // Objects first (cheap when cached): their keys cover every file the compiler read, so
    // the golden key below changes with any header, included data file or flag.
    BuildStep step;
    std::vector<fs::path> objs;
    std::vector<std::string> keys;
    bool ok = true;
    for (const auto& f : d.sources) {
        std::string key;
        auto o = cached_object(tc, cache_dir, f, step, &key, opts.use_cache);
        if (!o) {
            ok = false;
            break;
        }
        objs.push_back(*o);
        keys.push_back("src " + f.string() + ' ' + key);
    }
    if (ok) {
        auto tb = testbench_objects(d, tc, step, &keys);
        ok = tb.has_value();
        if (ok) {
            objs.insert(objs.end(), tb->begin(), tb->end());
        }
    }
    if (!ok) {
        // Never cached: the next run compiles again, so a fix (a missing header or data
        // folder added) is seen at once.
        auto rec = std::make_shared<GoldenRecord>();
        rec->result.verdict = Verdict::compile_error;
        rec->result.detail = step.diagnostic;
        rec->result.stderr_text = step.log;
        rec->result.observed = oracle_of(d, nullptr);
        return rec;
    }
    bool cacheable = opts.use_cache;
    for (const auto& k : keys) {
        cacheable = cacheable && k.find("volatile:") == std::string::npos;
    }
    std::string key = golden_key(d, tc, keys);
    std::shared_ptr<std::mutex> key_mu;
    {
        std::lock_guard lock(mu);
        if (auto it = goldens.find(key); cacheable && it != goldens.end()) {
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
        if (auto it = goldens.find(key); cacheable && it != goldens.end()) {
            return it->second;
        }
    }
    auto rec = std::make_shared<GoldenRecord>();
    fs::path cache_file = cache_dir / "golden" / (key + ".json");
    bool loaded = false;
    std::error_code ec;
    if (cacheable && fs::exists(cache_file, ec)) {
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
            rec->result.isolation = isolation_from_json(j.at("isolation"));
            rec->result.cached = true;
            loaded = true;
        } catch (const std::exception& ex) {
            log_warning(cache_file.string() + ": ignoring unreadable cache entry (" + ex.what() +
                        ")");
        }
    }
    if (!loaded) {
        TempDir build("hlsv-build-", {}, opts.keep);
        fs::path exe = build.path() / "sim";
        step = link(tc, objs, exe, build.path());
        if (!step.ok) {
            rec->result.verdict = Verdict::compile_error;
            rec->result.detail = step.diagnostic;
            rec->result.stderr_text = step.log;
            cacheable = false;
        } else {
            Run run = run_exe(d, exe, {}, {});
            rec->obs = {run.outcome.exit_code, run.outcome.out, run.outcome.err, run.files};
            rec->result = judge(d, run, nullptr);
        }
        // Timeouts depend on machine load and a death by signal can come from outside (the
        // OOM killer, a scheduler stopping the job): never cached, or one killed run would make
        // the design's golden "fail" for every later run sharing the cache.
        if (cacheable && rec->result.verdict != Verdict::timeout &&
            rec->result.verdict != Verdict::crash) {
            nlohmann::json j = {{"verdict", verdict_name(rec->result.verdict)},
                                {"detail", rec->result.detail},
                                {"exit_code", rec->result.exit_code},
                                {"signal", rec->result.signal},
                                {"seconds", rec->result.seconds},
                                {"isolation", to_json(rec->result.isolation)},
                                {"observed", observed_to_json(rec->obs)}};
            try {
                write_file_atomic(cache_file, j.dump());
            } catch (const Error& ex) {
                log_warning(std::string("golden cache not written: ") + ex.what());
            }
        }
    }
    rec->result.observed = oracle_of(d, &rec->obs);
    if (cacheable) {
        std::lock_guard lock(mu);
        goldens[key] = rec;
    }
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
        auto o = cached_object(tc, cache_dir, path, s, nullptr, opts.use_cache);
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
        // A `main` among the sources must stay the program's main: never wrapped in a slot.
        bool batchable = opts.batch && d.language == "c++" && v.files.size() == 1 &&
                         !(d.main_in_sources && d.testbench.empty()) && sources.count(name) &&
                         is_source_ext(name) && !is_c_file(name) && !broken.count(name);
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
    fs::path original = d.dir / source;
    for (const auto& f : d.sources) {
        if (f.filename() == source) {
            original = f;
        }
    }
    auto flags = tc.compile_flags(original); // without identical-code folding
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
            if (it->second.size() > input_limit()) {
                s.step.diagnostic = name + ": variant too large (" +
                                    std::to_string(it->second.size() >> 20) + " MiB, limit " +
                                    std::to_string(input_limit() >> 20) + " MiB)";
                return s;
            }
            write_file_atomic(dir / name, it->second);
            fs::path obj = dir / (name + ".o");
            std::vector<std::string> argv = {tc.compiler_for(name)};
            fs::path original = d.dir / name;
            for (const auto& f : d.sources) {
                if (f.filename() == name) {
                    original = f;
                }
            }
            // Compiled from a copy, but quoted includes resolve from the original's folder.
            auto flags = tc.compile_flags(original);
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
        auto tb_only = testbench_only(d);
        files.insert(files.end(), tb_only.begin(), tb_only.end());
        for (const auto& f : files) {
            std::string name = f.filename().string();
            fs::path obj = src / (name + ".o");
            // The overlay first (replaced headers), then the original's folder for the rest.
            std::vector<std::string> argv = {tc.compiler_for(name), "-I" + src.string()};
            auto flags = tc.compile_flags(f);
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
