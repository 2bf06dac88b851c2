// Coverage runs for the debugging assistant: an -O0 --coverage build of the golden or a variant
// (never cached, never batched), one sandboxed run per environment (each with its own .gcda
// counters, via GCOV_PREFIX), and gcov's JSON turned into line counts.
#include "simulator_impl.h"
#include "tempdir.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace hlsv::csim {

namespace {

/// Line counts of the design sources; `data` holds the .gcno/.gcda pair of each object.
LineCounts read_gcov(const DesignSpec& d, const fs::path& src, const fs::path& data) {
    LineCounts counts;
    for (const auto& f : d.sources) {
        std::string name = f.filename().string();
        Command cmd;
        cmd.argv = {"gcov", "--json-format", "--stdout", "-o", data.string(), name};
        cmd.cwd = src;
        cmd.env = base_env(src);
        cmd.limits.wall_s = 60;
        cmd.limits.drop_privileges = false;
        cmd.limits.output_cap = 64u << 20;
        Outcome o = run_command(cmd);
        if (o.failure != Failure::none || o.exit_code != 0) {
            throw InternalError("gcov failed for " + name + ": " +
                                (o.error.empty() ? std::string(trim(o.err)) : o.error));
        }
        auto& per_line = counts[name];
        // One JSON document per line of output (one per object file).
        for (const auto& line : split(o.out, '\n')) {
            if (trim(line).empty()) {
                continue;
            }
            auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_discarded() || !j.contains("files")) {
                throw InternalError("gcov printed something that is not its JSON format");
            }
            for (const auto& file : j["files"]) {
                if (fs::path(file.value("file", "")).filename() != name) {
                    continue;
                }
                for (const auto& l : file["lines"]) {
                    per_line[l.value("line_number", 0)] += l.value("count", 0L);
                }
            }
        }
    }
    return counts;
}

} // namespace

CoverageRun Simulator::run_coverage(const DesignSpec& d, const Variant& v,
                                    const std::map<std::string, std::string>& env) {
    return run_coverage_cases(d, v, {env}).front();
}

std::vector<CoverageRun>
Simulator::run_coverage_cases(const DesignSpec& d, const Variant& v,
                              const std::vector<std::map<std::string, std::string>>& envs) {
    Impl& im = *impl_;
    im.require_testbench(d);
    // The golden is only compared with runs under its own (empty) extra environment.
    bool any_plain = std::any_of(envs.begin(), envs.end(), [](const auto& e) { return e.empty(); });
    auto gold = any_plain ? im.golden(d) : nullptr;
    Toolchain tc(d, im.opts, /*coverage=*/true);
    for (const auto& [name, text] : v.files) {
        if (name.find('/') != std::string::npos || !fs::exists(d.dir / name)) {
            throw InputError(d.dir / name, "the design has no file with this name");
        }
    }
    std::vector<CoverageRun> out(envs.size());
    if (envs.empty()) {
        return out;
    }
    auto all_fail = [&out](const BuildStep& step) {
        for (auto& o : out) {
            o.result.verdict = Verdict::compile_error;
            o.result.detail = step.diagnostic;
            o.result.stderr_text = step.log;
        }
        return out;
    };
    TempDir build("hlsv-cov-", {}, im.opts.keep);
    fs::path src = build.path() / "src";
    fs::create_directories(src);
    for (const auto& f : design_code_files(d.dir)) {
        fs::copy_file(f, src / f.filename());
    }
    for (const auto& f : d.sources) {
        fs::copy_file(f, src / f.filename(), fs::copy_options::overwrite_existing);
    }
    for (const auto& f : d.testbench) {
        fs::copy_file(f, src / f.filename(), fs::copy_options::overwrite_existing);
    }
    for (const auto& [name, text] : v.files) {
        write_file_atomic(src / name, text);
    }
    std::vector<fs::path> objs;
    std::vector<fs::path> files = d.sources;
    auto tb_only = testbench_only(d);
    files.insert(files.end(), tb_only.begin(), tb_only.end());
    for (const auto& f : files) {
        std::string name = f.filename().string();
        fs::path obj = src / (fs::path(name).stem().string() + ".o");
        // The copies first (replaced files), then the original's folder for relative includes.
        std::vector<std::string> argv = {tc.compiler_for(name), "-I" + src.string()};
        auto flags = tc.compile_flags(f);
        argv.insert(argv.end(), flags.begin(), flags.end());
        argv.insert(argv.end(), {"-c", name, "-o", obj.string()});
        BuildStep step = run_compiler(argv, src);
        if (!step.ok) {
            return all_fail(step);
        }
        objs.push_back(obj);
    }
    fs::path exe = build.path() / "sim";
    BuildStep step = im.link(tc, objs, exe, build.path());
    if (!step.ok) {
        return all_fail(step);
    }
    // Each run writes its .gcda files into its own directory: GCOV_PREFIX replaces the leading
    // components of the object directory, which gcov then reads beside a copy of the .gcno.
    std::size_t strip = 0;
    for (const auto& part : src.relative_path()) {
        strip += !part.empty();
    }
    std::vector<fs::path> notes;
    for (const auto& e : fs::directory_iterator(src)) {
        if (e.path().extension() == ".gcno") {
            notes.push_back(e.path());
        }
    }
    std::vector<fs::path> data_dirs;
    for (std::size_t k = 0; k < envs.size(); ++k) {
        data_dirs.push_back(build.path() / ("run" + std::to_string(k)));
        fs::create_directories(data_dirs.back());
        for (const auto& n : notes) {
            fs::copy_file(n, data_dirs.back() / n.filename());
        }
    }
    prepare_run_dir(build.path()); // the sandboxed runs must reach their directories
    parallel_for(envs.size(), im.jobs, [&](std::size_t k) {
        const fs::path& data = data_dirs[k];
        auto env = envs[k];
        env["GCOV_PREFIX"] = data.string();
        env["GCOV_PREFIX_STRIP"] = std::to_string(strip);
        Run run = im.run_exe(d, exe, env, data);
        // Compare with the golden only when the golden ran under the same environment.
        bool comparable = gold && envs[k].empty() && gold->result.verdict == Verdict::pass;
        out[k].result = im.judge(d, run, comparable ? gold.get() : nullptr);
        out[k].counts = read_gcov(d, src, data);
    });
    return out;
}

} // namespace hlsv::csim
