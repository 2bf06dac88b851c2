// Coverage runs for the debugging assistant: an -O0 --coverage build of the golden or a variant
// (never cached, never batched), one sandboxed run, and gcov's JSON turned into line counts.
#include "simulator_impl.h"
#include "tempdir.h"

#include <nlohmann/json.hpp>

namespace hlsv::csim {

namespace {

LineCounts read_gcov(const DesignSpec& d, const fs::path& src) {
    LineCounts counts;
    for (const auto& f : d.sources) {
        std::string name = f.filename().string();
        Command cmd;
        cmd.argv = {"gcov", "--json-format", "--stdout", "-o", src.string(), name};
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
    Impl& im = *impl_;
    im.require_testbench(d);
    auto gold = im.golden(d);
    Toolchain tc(d, im.opts, /*coverage=*/true);
    for (const auto& [name, text] : v.files) {
        if (name.find('/') != std::string::npos || !fs::exists(d.dir / name)) {
            throw InputError(d.dir / name, "the design has no file with this name");
        }
    }
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
    CoverageRun out;
    std::vector<fs::path> objs;
    std::vector<fs::path> files = d.sources;
    files.insert(files.end(), d.testbench.begin(), d.testbench.end());
    for (const auto& f : files) {
        std::string name = f.filename().string();
        fs::path obj = src / (fs::path(name).stem().string() + ".o");
        std::vector<std::string> argv = {tc.compiler_for(name), "-I" + src.string()};
        auto flags = tc.compile_flags(src / name);
        argv.insert(argv.end(), flags.begin(), flags.end());
        argv.insert(argv.end(), {"-c", name, "-o", obj.string()});
        BuildStep step = run_compiler(argv, src);
        if (!step.ok) {
            out.result.verdict = Verdict::compile_error;
            out.result.detail = step.diagnostic;
            out.result.stderr_text = step.log;
            return out;
        }
        objs.push_back(obj);
    }
    fs::path exe = build.path() / "sim";
    BuildStep step = im.link(tc, objs, exe, build.path());
    if (!step.ok) {
        out.result.verdict = Verdict::compile_error;
        out.result.detail = step.diagnostic;
        return out;
    }
    // The gcda files land beside the objects: the whole build tree must be writable.
    Run run = im.run_exe(d, exe, env, build.path());
    // Compare with the golden only when the golden ran under the same environment.
    bool comparable = env.empty() && gold->result.verdict == Verdict::pass;
    out.result = im.judge(d, run, comparable ? gold.get() : nullptr);
    out.counts = read_gcov(d, src);
    return out;
}

} // namespace hlsv::csim
