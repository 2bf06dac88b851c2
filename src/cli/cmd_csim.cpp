// hlsv csim DESIGN_DIR [--variant FILE...] [--timeout S] [--sanitize] [--format json|text]
//           [--jobs N] [--hls-include DIR] [--keep] [--no-batch] [--no-cache] [--no-isolation]
#include "cli.h"
#include "csim/csim.h"
#include "difftest/difftest.h"

#include <nlohmann/json.hpp>

namespace hlsv::cli {

namespace {

std::string text_line(const std::string& what, const csim::Result& r) {
    std::string s = what + ": " + std::string(csim::verdict_name(r.verdict));
    if (!r.detail.empty()) {
        s += " (" + r.detail + ")";
    }
    if (r.observed.weak() && csim::is_success(r.verdict)) {
        s += " [weak oracle: only the exit status]";
    }
    char secs[32];
    std::snprintf(secs, sizeof secs, " %.3f s", r.seconds);
    return s + secs + "\n";
}

template <class Args> ExitCode run_diff(Args& a, Context& ctx) {
    DesignSpec design = load_design(a.design);
    a.dt.sim.hls_include = a.hls_include;
    a.dt.sim.keep = a.keep;
    a.dt.sim.jobs = a.jobs ? a.jobs : ctx.config.jobs.value_or(0);
    if (a.timeout > 0) {
        a.dt.call_timeout_s = a.timeout;
    }
    a.dt.sanitize_phase = true;
    if (!a.prelude.empty()) {
        a.dt.prelude = read_file(a.prelude);
    }
    std::vector<std::string> texts;
    for (const auto& v : a.variants) {
        texts.push_back(read_file(v));
    }
    if (texts.empty()) {
        texts.push_back(""); // the golden against itself: checks the driver
    }
    auto results = difftest::run_many(design, texts, a.dt);
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    std::string text;
    bool differs = false;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto& r = results[i];
        auto j = r.to_json();
        std::string what = a.variants.empty() ? "golden" : a.variants[i];
        j["variant"] = what;
        all.push_back(j);
        differs = differs || r.status != difftest::Status::same;
        text += what + ": " + std::string(difftest::to_string(r.status)) +
                (r.kind.empty() ? "" : " (" + r.kind + ")") + ": " + r.detail + "\n";
        if (r.witness) {
            text += r.witness->testbench;
            if (!a.witness.empty()) {
                write_file_atomic(a.witness, r.witness->testbench);
            }
        }
    }
    emit_output("", a.format == "json" ? (all.size() == 1 ? all[0] : all).dump(2) : text);
    return differs ? ExitCode::findings : ExitCode::ok;
}

} // namespace

void add_csim(CLI::App& app, Context& ctx) {
    struct Args {
        std::string design;
        std::string component;
        std::vector<std::string> variants;
        double timeout = 0;
        bool sanitize = false;
        int jobs = 0;
        std::string hls_include;
        bool keep = false;
        bool no_batch = false;
        bool no_cache = false;
        bool no_isolation = false;
        std::string format = "json";
        bool diff = false;
        difftest::Options dt;
        std::string prelude;
        std::string witness;
    };
    auto args = std::make_shared<Args>();
    app.add_option("DESIGN_DIR", args->design, "Design directory (hlsv.json or Vitis project)")
        ->required();
    app.add_option("--component", args->component,
                   "Component of a Vitis project with several (default: the first)");
    app.add_option("--variant", args->variants,
                   "Replacement source file: runs the testbench against it instead of the design "
                   "file with the same name (repeat for several variants; join files of one "
                   "variant with ',')");
    app.add_option("--timeout", args->timeout, "Seconds per run (default: the design's timeout_s)");
    app.add_flag("--sanitize", args->sanitize, "Build with AddressSanitizer and UBSan");
    app.add_option("-j,--jobs", args->jobs, "Parallel builds and runs (default: cores)");
    app.add_option("--hls-include", args->hls_include,
                   "Directory with ap_int.h, hls_stream.h, ... (default: $HLSV_HLS_INCLUDE, else "
                   "hlsv's own harness/include)");
    app.add_flag("--keep", args->keep, "Keep build and run directories (for debugging hlsv)");
    app.add_flag("--no-batch", args->no_batch,
                 "Build each variant on its own instead of in one mutant-schema unit");
    app.add_flag("--no-cache", args->no_cache,
                 "Compile and run afresh; neither read nor write the cache (see `hlsv cache`)");
    app.add_flag("--no-isolation", args->no_isolation,
                 "Run without namespaces (process group and limits only); see docs/security.md");
    add_format_option(app, &args->format, {"json", "text"});
    app.add_flag("--diff", args->diff,
                 "Differential test (no testbench needed): golden vs each --variant (or vs "
                 "itself) on generated inputs; prints a witness testbench for a difference");
    app.add_option("--cases", args->dt.cases, "--diff: at most this many cases");
    app.add_option("--seconds", args->dt.seconds, "--diff: at most this long running cases");
    app.add_option("--seed", args->dt.seed, "--diff: seed of the input generator");
    app.add_option("--depth", args->dt.signature.depth,
                   "--diff: elements of a pointer argument with no declared size or depth");
    app.add_option("--prelude", args->prelude, "--diff: declarations placed before the source");
    app.add_option("--witness", args->witness, "--diff: write the witness testbench here");
    app.callback([args, &ctx] {
        if (args->diff) {
            ctx.exit = run_diff(*args, ctx);
            return;
        }
        DesignSpec design = load_design(args->design, args->component);
        if (!design.has_testbench()) {
            std::error_code ec;
            if (fs::is_regular_file(args->design, ec)) {
                // A lone source file is a design without testbench; name the file, not its folder.
                throw InputError(args->design,
                                 "a source file has no testbench to simulate: give the design "
                                 "directory (hlsv.json or a Vitis project), or --diff to compare "
                                 "against a variant without one");
            }
            throw InputError(design.dir, "design has no testbench: C simulation needs one (or "
                                         "--diff to compare against a variant without one)");
        }
        csim::Options opts;
        opts.timeout_s = args->timeout;
        opts.sanitize = args->sanitize;
        opts.jobs = args->jobs ? args->jobs : ctx.config.jobs.value_or(0);
        opts.hls_include = args->hls_include;
        opts.keep = args->keep;
        opts.batch = !args->no_batch;
        opts.use_cache = !args->no_cache;
        opts.isolate = !args->no_isolation;
        csim::Simulator sim(opts);

        std::vector<csim::Variant> variants;
        for (const auto& spec : args->variants) {
            csim::Variant v;
            for (const auto& file : split(spec, ',')) {
                v.files[fs::path(file).filename().string()] = read_file(file);
            }
            variants.push_back(std::move(v));
        }
        std::vector<std::pair<std::string, csim::Result>> results;
        if (variants.empty()) {
            results.emplace_back("golden", sim.run_golden(design));
        } else {
            auto rs = sim.run_variants(design, variants);
            for (std::size_t i = 0; i < rs.size(); ++i) {
                results.emplace_back(args->variants[i], rs[i]);
            }
        }
        bool ok = true;
        nlohmann::ordered_json all = nlohmann::ordered_json::array();
        std::string text;
        for (const auto& [what, r] : results) {
            ok = ok && csim::is_success(r.verdict);
            auto j = csim::to_json(r);
            if (!variants.empty()) {
                j["variant"] = what;
            }
            all.push_back(j);
            text += text_line(what, r);
        }
        if (args->format == "json") {
            emit_output("", (all.size() == 1 ? all[0] : all).dump(2));
        } else {
            emit_output("", text);
        }
        ctx.exit = ok ? ExitCode::ok : ExitCode::findings;
    });
}

} // namespace hlsv::cli
