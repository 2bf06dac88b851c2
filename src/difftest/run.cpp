// The differential run: build the driver through the C-simulation sandbox, run the cases,
// then (when nothing differed) a shorter run under the sanitizers; read the driver's report
// and assemble the witness testbench.
#include "csim/tempdir.h"
#include "difftest.h"
#include "internal.h"

#include <fmt/format.h>
#include <future>
#include <regex>
#include <sstream>

namespace hlsv::difftest {

std::string_view to_string(Status s) {
    switch (s) {
    case Status::same:
        return "same";
    case Status::difference:
        return "difference";
    case Status::no_driver:
        return "no_driver";
    case Status::no_cases:
        return "no_cases";
    }
    return "same";
}

nlohmann::ordered_json Result::to_json() const {
    nlohmann::ordered_json j;
    j["status"] = std::string(to_string(status));
    if (!kind.empty()) {
        j["kind"] = kind;
    }
    j["detail"] = detail;
    j["cases"] = cases;
    j["skipped"] = skipped;
    j["seconds"] = seconds;
    if (witness) {
        j["witness"] = {{"seed", witness->seed},          {"history", witness->history},
                        {"words", witness->words},        {"inputs", witness->inputs},
                        {"expected", witness->expected},  {"actual", witness->actual},
                        {"testbench", witness->testbench}};
    }
    return j;
}

namespace {

std::string block(const std::string& out, const std::string& name) {
    auto b = out.find("HLSV_" + name + "_BEGIN\n");
    auto e = out.find("HLSV_" + name + "_END");
    if (b == std::string::npos || e == std::string::npos || e < b) {
        return "";
    }
    b += name.size() + 12;
    return out.substr(b, e - b);
}

struct Build {
    const DesignSpec& design;
    fs::path top;
    Signature sig;
    const Options& opts;
};

// One run of the driver with `args`; returns the csim result.
csim::Result run_driver(const Build& b, const fs::path& dir, const std::string& driver,
                        const std::vector<std::string>& args, bool sanitize) {
    DesignSpec dd;
    dd.name = b.design.name + "-difftest";
    dd.top = b.design.top;
    dd.dir = dir;
    for (const auto& s : b.design.sources) {
        if (s != b.top) {
            dd.sources.push_back(s);
        }
    }
    dd.testbench = {dir / "hlsv_driver.cpp"};
    dd.cflags = b.design.cflags;
    for (const auto& inc : {b.design.dir, b.top.parent_path()}) {
        dd.cflags.push_back("-I" + inc.string());
    }
    if (fs::exists(dir / "stubs")) {
        dd.cflags.push_back("-I" + (dir / "stubs").string());
    }
    if (b.design.language == "c") {
        dd.cflags.push_back("-fpermissive"); // C compiled as C++ inside the namespaces
    }
    dd.cflags.push_back("-w");
    dd.language = "c++";
    dd.args = args;
    dd.compare = {"exit"};
    dd.timeout_s = b.opts.seconds + b.opts.shrink_seconds + 4 * b.opts.call_timeout_s + 20;
    csim::Options so = b.opts.sim;
    so.sanitize = sanitize;
    so.batch = false;
    so.jobs = 1;
    csim::Simulator sim(so);
    return sim.run_standalone(dd, {csim::Variant{{{"hlsv_driver.cpp", driver}}}}).front();
}

std::vector<std::string> base_args(const Options& o) {
    return {"--seed",           std::to_string(o.seed),
            "--call-timeout",   fmt::format("{}", o.call_timeout_s),
            "--shrink-seconds", fmt::format("{}", o.shrink_seconds)};
}

void read_counts(const std::string& out, Result& r) {
    std::smatch m;
    static const std::regex re(R"(HLSV_RESULT cases=(\d+) skipped=(\d+) seconds=([0-9.]+))");
    if (std::regex_search(out, m, re)) {
        r.cases += std::stol(m[1]);
        r.skipped += std::stol(m[2]);
        r.seconds += std::stod(m[3]);
    }
}

// Reads HLSV_WITNESS / HLSV_WORDS / the text blocks and writes the witness testbench.
bool read_witness(const Build& b, const std::string& out, const std::string& summary, Result& r) {
    static const std::regex re(
        R"(HLSV_WITNESS seed=(\d+) history=(\d+) words=(\d+)\nHLSV_WORDS([ 0-9]*))");
    std::smatch m;
    if (!std::regex_search(out, m, re)) {
        return false;
    }
    Witness w;
    w.seed = std::stoull(m[1]);
    w.history = std::stol(m[2]);
    std::vector<std::uint64_t> words;
    std::istringstream ws(m[4].str());
    std::uint64_t x;
    while (ws >> x) {
        words.push_back(x);
        w.words += x != 0;
    }
    w.inputs = block(out, "INPUTS");
    w.expected = block(out, "EXPECTED");
    w.actual = block(out, "ACTUAL");
    w.testbench = witness_source(b.design, b.top, b.sig, b.opts.prelude, w, words, summary);
    r.witness = std::move(w);
    return true;
}

// Golden and variant share one program in two namespaces, but `extern "C"` (every Vitis kernel)
// gives both copies one symbol. Their copies get C++ linkage: a block becomes an inline
// namespace (its names stay visible where they were), a single declaration loses the marker.
std::string without_c_linkage(const std::string& text) {
    static const std::regex block(R"re(extern\s*"C"\s*\{)re");
    static const std::regex single(R"re(extern\s*"C"\s*)re");
    if (text.find("extern") == std::string::npos) {
        return text;
    }
    return std::regex_replace(std::regex_replace(text, block, "inline namespace hlsv_c_linkage {"),
                              single, "");
}

Result run_one(const DesignSpec& design, const fs::path& top, const Signature& sig,
               const std::string& variant_text, const Options& opts) {
    Build b{design, top, sig, opts};
    csim::TempDir td("hlsv-difftest-", {}, opts.sim.keep);
    fs::path variant_file = td.path() / ("hlsv_variant" + top.extension().string());
    write_file_atomic(variant_file,
                      without_c_linkage(variant_text.empty() ? read_file(top) : variant_text));
    // The golden's copy next to it (its own folder stays on the include path).
    fs::path golden_file = td.path() / ("hlsv_golden" + top.extension().string());
    write_file_atomic(golden_file, without_c_linkage(read_file(top)));
    for (const auto& h : opts.empty_headers) {
        fs::create_directories((td.path() / "stubs" / h).parent_path());
        write_file_atomic(td.path() / "stubs" / h, "");
    }
    std::string driver = driver_source(design, golden_file, variant_file, sig, opts.prelude);
    write_file_atomic(td.path() / "hlsv_driver.cpp", driver);

    Result r;
    auto args = base_args(opts);
    args.insert(args.end(), {"--cases", std::to_string(opts.cases), "--seconds",
                             fmt::format("{}", opts.seconds)});
    csim::Result cr = run_driver(b, td.path(), driver, args, false);
    read_counts(cr.stdout_text, r);
    if (cr.verdict == csim::Verdict::compile_error) {
        r.status = Status::no_driver;
        r.detail = cr.detail;
        return r;
    }
    static const std::regex diff_re(R"(HLSV_DIFF kind=(\w+) case=(\d+) detail=([^\n]*))");
    std::smatch m;
    if (std::regex_search(cr.stdout_text, m, diff_re)) {
        r.status = Status::difference;
        r.kind = m[1];
        r.detail = fmt::format("case {}: {}", m[2].str(), m[3].str());
        read_witness(b, cr.stdout_text, r.kind + ", " + r.detail, r);
        return r;
    }
    if (cr.verdict != csim::Verdict::pass) {
        // The driver itself died outside a call (e.g. the whole run timed out).
        r.status = Status::no_driver;
        r.detail = fmt::format("driver run: {} {}", csim::verdict_name(cr.verdict), cr.detail);
        return r;
    }
    if (r.cases > 0 && r.skipped == r.cases) {
        r.status = Status::no_cases;
        r.detail = fmt::format("the golden failed on all {} cases", r.cases);
        return r;
    }
    if (opts.sanitize_phase) {
        // Out-of-bounds and uninitialized accesses that do not change outputs in a plain build.
        long start = 0;
        for (int attempt = 0; attempt < 3; ++attempt) {
            auto sargs = base_args(opts);
            sargs.insert(sargs.end(),
                         {"--cases", std::to_string(std::max(1L, opts.cases / 10)), "--seconds",
                          fmt::format("{}", opts.seconds / 3), "--start", std::to_string(start)});
            csim::Result sr = run_driver(b, td.path(), driver, sargs, true);
            static const std::regex died(R"(HLSV_DIED case=(\d+) side=(\w+))");
            std::smatch dm;
            if (std::regex_search(sr.stdout_text, dm, diff_re)) {
                r.status = Status::difference;
                r.kind = dm[1];
                r.detail = fmt::format("case {} (sanitizer build): {}", dm[2].str(), dm[3].str());
                read_witness(b, sr.stdout_text, r.kind + ", " + r.detail, r);
                return r;
            }
            if (sr.verdict == csim::Verdict::pass || sr.verdict == csim::Verdict::compile_error ||
                !std::regex_search(sr.stdout_text, dm, died)) {
                break;
            }
            long c = std::stol(dm[1]);
            if (dm[2] == "golden") {
                start = c + 1; // the golden's own bug: not a difference
                continue;
            }
            r.status = Status::difference;
            r.kind = "sanitizer";
            r.detail = fmt::format("case {}: the variant: {}", c, sr.detail);
            auto wargs = base_args(opts);
            wargs.insert(wargs.end(), {"--witness-case", std::to_string(c)});
            csim::Result wr = run_driver(b, td.path(), driver, wargs, true);
            read_witness(b, wr.stdout_text, r.kind + ", " + r.detail, r);
            return r;
        }
    }
    r.status = Status::same;
    r.detail = fmt::format("no difference in {} cases ({} skipped: the golden failed)", r.cases,
                           r.skipped);
    return r;
}

} // namespace

std::vector<Result> run_many(const DesignSpec& design, const std::vector<std::string>& variants,
                             const Options& opts) {
    fs::path top = top_source(design);
    std::string text = read_file(top);
    std::vector<std::string> cflags = design.cflags;
    Signature sig = signature_of(top, opts.prelude + text, design.top, cflags, opts.signature);
    std::vector<Result> out(variants.size());
    std::size_t jobs = opts.sim.jobs > 0 ? opts.sim.jobs : 2;
    std::size_t next = 0;
    while (next < variants.size()) {
        std::vector<std::future<Result>> batch;
        for (std::size_t k = 0; k < jobs && next + k < variants.size(); ++k) {
            batch.push_back(std::async(std::launch::async, [&, i = next + k] {
                return run_one(design, top, sig, variants[i], opts);
            }));
        }
        for (std::size_t k = 0; k < batch.size(); ++k) {
            out[next + k] = batch[k].get();
        }
        next += batch.size();
    }
    return out;
}

Result run(const DesignSpec& design, const std::string& variant_text, const Options& opts) {
    return run_many(design, {variant_text}, opts).front();
}

} // namespace hlsv::difftest
