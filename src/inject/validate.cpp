// validate(): automatic checks, then C simulation (functional types, one batch per design) or
// the static pragma checker (pragma types), and a verdict: valid / silent / invalid.
#include "classify.h"
#include "inject.h"

#include <fmt/format.h>
#include <optional>

#ifdef HLSV_HAVE_CSIM
#include "csim/csim.h"
#endif
#ifdef HLSV_HAVE_CHECK
#include "check/check.h"
#endif
#ifdef HLSV_HAVE_DIFFTEST
#include "difftest/difftest.h"
#endif

namespace hlsv::inject {

std::string_view to_string(Verdict v) {
    switch (v) {
    case Verdict::valid:
        return "valid";
    case Verdict::silent:
        return "silent";
    case Verdict::invalid:
        return "invalid";
    }
    return "invalid";
}

nlohmann::ordered_json Validation::to_json() const {
    nlohmann::ordered_json j;
    j["verdict"] = std::string(to_string(verdict));
    j["evidence"] = evidence;
    j["reason"] = reason;
    j["changed_lines"] = changed_lines;
    j["function"] = function;
    j["type_evidence"] = type_evidence;
    if (weak_oracle) {
        j["weak_oracle"] = true;
    }
    if (!witness.empty()) {
        j["witness"] = witness;
    }
    return j;
}

namespace {

bool any_functional(const Injection& inj) {
    return std::any_of(inj.specs.begin(), inj.specs.end(),
                       [](const ErrorSpec& s) { return !is_pragma_type(s.type); });
}

#ifdef HLSV_HAVE_CSIM
void judge(const csim::Result& r, Validation& v) {
    using csim::Verdict;
    std::string detail = r.detail.empty() ? "" : ": " + r.detail;
    v.weak_oracle = r.observed.weak();
    switch (r.verdict) {
    case Verdict::pass:
        v.verdict = hlsv::inject::Verdict::silent;
        v.reason = "compiles and the testbench passes: the testbench cannot tell";
        break;
    case Verdict::fail:
    case Verdict::mismatch:
    case Verdict::timeout:
    case Verdict::crash:
    case Verdict::sanitizer:
        v.verdict = hlsv::inject::Verdict::valid;
        v.evidence = std::string(csim::verdict_name(r.verdict));
        v.reason = "C simulation: " + v.evidence + detail;
        break;
    case Verdict::compile_error:
        v.verdict = hlsv::inject::Verdict::invalid;
        v.reason = "compile_error" + detail;
        break;
    case Verdict::equivalent:
        v.verdict = hlsv::inject::Verdict::invalid;
        v.reason = "equivalent (TCE): the object code equals the golden's";
        break;
    }
}
#endif

// Injections C simulation calls silent (or that have no testbench at all): golden and buggy
// code compared directly on generated inputs.
void differential(const DesignSpec& design, std::vector<Validation>& out,
                  const std::vector<std::size_t>& idx, const ValidateOptions& opts) {
#ifdef HLSV_HAVE_DIFFTEST
    std::vector<std::size_t> todo;
    std::vector<std::string> texts;
    for (auto i : idx) {
        if (out[i].verdict == Verdict::silent) {
            todo.push_back(i);
            texts.push_back(out[i].buggy);
        }
    }
    if (todo.empty() || !opts.differential) {
        return;
    }
    difftest::Options dopts;
    dopts.seconds = opts.differential_seconds;
    dopts.sanitize_phase = opts.sanitizers;
    std::vector<difftest::Result> rs;
    try {
        rs = difftest::run_many(design, texts, dopts);
    } catch (const Error& e) {
        return; // no differential driver for this design: the verdicts stand
    }
    for (std::size_t k = 0; k < todo.size(); ++k) {
        Validation& v = out[todo[k]];
        const auto& r = rs[k];
        if (r.status == difftest::Status::difference) {
            v.verdict = Verdict::valid;
            v.evidence = "differential";
            v.reason = "differential test: " + r.kind + ", " + r.detail;
            v.witness = r.witness ? r.witness->testbench : "";
        } else if (r.status == difftest::Status::same) {
            v.reason += fmt::format("; differential test: no difference in {} cases", r.cases);
        }
    }
#else
    (void)design;
    (void)out;
    (void)idx;
    (void)opts;
#endif
}

void simulate(const DesignSpec& design, const std::string& file, std::vector<Validation>& out,
              const std::vector<std::size_t>& idx, const ValidateOptions& opts) {
    if (idx.empty()) {
        return;
    }
    if (!design.has_testbench()) {
        for (auto i : idx) {
            out[i].verdict = Verdict::silent;
            out[i].reason = "the design has no testbench, so C simulation cannot show the bug";
        }
        return;
    }
#ifdef HLSV_HAVE_CSIM
    std::vector<csim::Variant> variants;
    for (auto i : idx) {
        variants.push_back(csim::Variant{{{file, out[i].buggy}}});
    }
    // A variant's time limit comes from the golden's measured run time, so an infinite loop in a
    // design that runs in 5 ms is judged in half a second, not after the design's whole timeout.
    csim::Options plain;
    double golden_seconds = 0;
    if (opts.golden_timeout) {
        csim::Simulator golden_sim;
        csim::Result g = golden_sim.run_golden(design);
        golden_seconds = g.seconds;
        plain.timeout_s = variant_timeout(design, golden_seconds);
    }
    csim::Simulator sim(plain);
    auto results = sim.run_variants(design, variants);
    std::vector<std::size_t> passed;
    for (std::size_t k = 0; k < idx.size(); ++k) {
        judge(results[k], out[idx[k]]);
        if (results[k].verdict == csim::Verdict::pass) {
            passed.push_back(k);
        }
    }
    // A bug the plain run misses may still be an out-of-bounds or uninitialized access that
    // the sanitizers see: re-run only those variants, instrumented.
    if (opts.sanitizers && !passed.empty()) {
        csim::Options so;
        so.sanitize = true;
        if (opts.golden_timeout) {
            // Instrumented code runs several times slower than the golden's plain build.
            so.timeout_s = std::min(design.timeout_s, 5 * variant_timeout(design, golden_seconds));
        }
        csim::Simulator san(so);
        std::vector<csim::Variant> again;
        for (auto k : passed) {
            again.push_back(variants[k]);
        }
        auto r2 = san.run_variants(design, again);
        for (std::size_t j = 0; j < passed.size(); ++j) {
            if (r2[j].verdict != csim::Verdict::pass &&
                r2[j].verdict != csim::Verdict::compile_error &&
                r2[j].verdict != csim::Verdict::equivalent) {
                judge(r2[j], out[idx[passed[j]]]);
            }
        }
    }
#else
    (void)file;
    (void)opts;
    for (auto i : idx) {
        out[i].verdict = Verdict::silent;
        out[i].reason = "C simulation is not available in this build";
    }
#endif
}

#ifdef HLSV_HAVE_CHECK
/// The checker's view of one design, and its findings on the golden: computed once for all the
/// pragma injections of a batch, which all compare against the same golden.
struct GoldenCheck {
    check::Options opts;
    std::optional<std::vector<check::Finding>> findings;
};
#else
struct GoldenCheck {};
#endif

void static_check(const DesignSpec& design, const fs::path& path, const std::string& original,
                  const Injection& inj, Validation& v, GoldenCheck& golden) {
#ifdef HLSV_HAVE_CHECK
    if (!golden.findings) {
        check::Options& co = golden.opts;
        co.include_dirs.push_back(path.parent_path().string());
        // The design's -I and -D flags, as its compiler sees them: sizes in `#ifdef
        // MINI_DATASET` branches and macros of `<suite.h>` headers decide what can be proven.
        for (const auto& d : csim::include_dirs_of(design)) {
            co.include_dirs.push_back(d);
        }
        for (const auto& f : design.cflags) {
            if (f.rfind("-D", 0) == 0 || f.rfind("-U", 0) == 0) {
                co.defines.push_back(f);
            }
        }
        co.honor_suppressions = false;
        golden.findings = check::check_source(path.string(), original, co);
    }
    const auto& before = *golden.findings;
    auto after = check::check_source(path.string(), v.buggy, golden.opts);
    for (const auto& t : inj.types()) {
        auto count = [&](const std::vector<check::Finding>& fs) {
            return std::count_if(fs.begin(), fs.end(),
                                 [&](const check::Finding& f) { return f.type == t; });
        };
        if (count(after) <= count(before)) {
            continue;
        }
        const check::Finding* best = nullptr;
        for (const auto& f : after) {
            if (f.type == t && (!best || std::find(v.changed_lines.begin(), v.changed_lines.end(),
                                                   f.line) != v.changed_lines.end())) {
                best = &f;
            }
        }
        v.verdict = Verdict::valid;
        v.evidence = "pragma finding";
        v.reason =
            fmt::format("static check: {} at line {}: {}", best->rule, best->line, best->message);
        return;
    }
    v.verdict = Verdict::silent;
    v.reason = "the static pragma checker reports nothing new for " +
               fmt::format("{}", fmt::join(inj.types(), ","));
#else
    (void)design;
    (void)path;
    (void)original;
    (void)inj;
    (void)golden;
    v.verdict = Verdict::silent;
    v.reason = "the static pragma checker is not available in this build";
#endif
}

/// The two checks between applying and simulating: every edited line lies in the design under
/// test (never main, init/print helpers or self-checks), and an independent classifier confirms
/// each entry's type from the edit and the facts. False (v invalid, with the reason) otherwise.
bool in_dut_and_typed(const Injection& inj, const ApplyResult& applied, const parse::Dut& dut,
                      const parse::DesignFacts& facts, const parse::DesignFacts& semantic,
                      const parse::Options& po, const fs::path& path, Validation& v) {
    std::vector<std::string> functions;
    for (std::size_t k = 0; k < inj.specs.size() && k < applied.entries.size(); ++k) {
        const auto& e = applied.entries[k];
        int n = static_cast<int>(
            std::count(inj.specs[k].original.begin(), inj.specs[k].original.end(), '\n'));
        std::string why;
        std::string fn = dut_function_of(dut, facts, e.line, e.line + n, &why);
        if (fn.empty()) {
            v.verdict = Verdict::invalid;
            v.reason = fmt::format("outside-dut: entry {} ({}): {}", k + 1, inj.specs[k].type, why);
            return false;
        }
        if (std::find(functions.begin(), functions.end(), fn) == functions.end()) {
            functions.push_back(fn);
        }
    }
    v.function = fmt::format("{}", fmt::join(functions, ","));
    parse::DesignFacts after = parse::parse_source(path.string(), applied.buggy, po);
    for (std::size_t k = 0; k < inj.specs.size(); ++k) {
        ErrorSpec spec = inj.specs[k];
        if (k < applied.entries.size()) {
            spec.line = applied.entries[k].line;
        }
        TypeConfirmation c = confirm_type(spec, semantic, after, applied.buggy);
        if (!c.ok) {
            v.verdict = Verdict::invalid;
            v.reason =
                fmt::format("type-mismatch: entry {} ({}): {}", k + 1, spec.type, c.evidence);
            return false;
        }
        v.type_evidence.push_back(spec.type + ": " + c.evidence);
    }
    return true;
}

} // namespace

double variant_timeout(const DesignSpec& design, double golden_seconds) {
    return std::min(design.timeout_s, std::max(20 * golden_seconds, 0.5));
}

std::vector<Validation> validate(const DesignSpec& design, const std::vector<Injection>& injections,
                                 const ValidateOptions& opts) {
    fs::path path = injected_source(design);
    std::string source = read_file(path);
    std::string file = fs::relative(path, design.dir).generic_string();
    parse::Options po;
    po.top = design.top;
    po.use_libclang = false;
    parse::DesignFacts facts = parse::parse_source(path.string(), source, po);
    ApplyOptions ao;
    ao.facts = &facts;
    parse::Dut dut = dut_of(design, path, facts);
    // The classifier's view of the golden: with libclang where it parses, so sizes and trip
    // counts written with macros from headers are known (one parse per design).
    parse::DesignFacts semantic = facts;
    try {
        parse::Options so = po;
        so.use_libclang = true;
        so.language = design.language;
        so.cflags = csim::absolute_cflags(design.cflags, design.dir);
        semantic = parse::parse_source(path.string(), source, so);
    } catch (const Error&) {
        // tree-sitter facts only: unknown sizes make the classifier reject, never accept
    }

    std::vector<Validation> out(injections.size());
    std::vector<std::size_t> functional;
    GoldenCheck golden;
    for (std::size_t i = 0; i < injections.size(); ++i) {
        AutoCheck ac = auto_check(source, injections[i], opts.requested, ao);
        Validation& v = out[i];
        v.changed_lines = ac.applied.changed_lines;
        v.diff = ac.applied.diff;
        if (!ac.ok) {
            v.verdict = Verdict::invalid;
            v.reason = ac.problems.front();
            continue;
        }
        v.buggy = ac.applied.buggy;
        if (!in_dut_and_typed(injections[i], ac.applied, dut, facts, semantic, po, path, v)) {
            v.buggy.clear();
            continue;
        }
        if (any_functional(injections[i])) {
            functional.push_back(i);
        } else {
            static_check(design, path, source, injections[i], v, golden);
        }
    }
    simulate(design, file, out, functional, opts);
    differential(design, out, functional, opts);
    return out;
}

} // namespace hlsv::inject
