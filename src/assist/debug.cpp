// hlsv debug: run the testbench, gather suspect lines (static checker, coverage spectra,
// LLM), try repair candidates on the most suspicious lines, keep the fixes the testbench
// accepts, and rank.
#include "check/check.h"
#include "csim/csim.h"
#include "inject/inject.h"
#include "internal.h"
#include "repair.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace hlsv::assist {

namespace detail {

namespace {

/// How likely a line is to hold a bug before any evidence: loop headers, indexing, shifts,
/// declarations and accumulations are where HLS bugs live.
double prior(std::string_view line) {
    std::string s(trim(line));
    if (s.empty() || s[0] == '#' || s.rfind("//", 0) == 0 || s == "{" || s == "}") {
        return 0;
    }
    double p = 0.05;
    if (s.find("for (") != std::string::npos || s.find("for(") != std::string::npos ||
        s.find("while") != std::string::npos) {
        p += 0.3;
    }
    if (s.find('[') != std::string::npos) {
        p += 0.2;
    }
    if (s.find("<<") != std::string::npos || s.find(">>") != std::string::npos) {
        p += 0.2;
    }
    if (s.find("+=") != std::string::npos || s.find("-=") != std::string::npos) {
        p += 0.1;
    }
    if (s.back() == ';' && s.find('=') == std::string::npos && s.find('(') == std::string::npos) {
        p += 0.2; // a declaration without initializer
    }
    return p;
}

/// Ochiai suspiciousness from per-case line coverage: ef / sqrt(F * (ef + ep)).
std::map<int, double> ochiai(const std::vector<std::pair<bool, std::map<int, long>>>& runs) {
    long failed_total = 0;
    std::map<int, std::pair<long, long>> ef_ep;
    for (const auto& [passed, counts] : runs) {
        failed_total += !passed;
        for (const auto& [line, n] : counts) {
            if (n > 0) {
                (passed ? ef_ep[line].second : ef_ep[line].first) += 1;
            }
        }
    }
    std::map<int, double> out;
    if (failed_total == 0) {
        return out;
    }
    for (const auto& [line, c] : ef_ep) {
        double denom =
            std::sqrt(static_cast<double>(failed_total) * static_cast<double>(c.first + c.second));
        out[line] = denom > 0 ? static_cast<double>(c.first) / denom : 0;
    }
    return out;
}

Suspect& suspect_at(std::vector<Suspect>& all, const std::string& file, int line) {
    for (auto& s : all) {
        if (s.file == file && s.line == line) {
            return s;
        }
    }
    all.push_back({file, line, "", 0, {}, std::nullopt});
    return all.back();
}

/// The Chrysalis type a repair operator most often undoes.
std::string type_of_operator(const std::string& op, std::string_view line) {
    std::string s(line);
    if (op == "add-init") {
        return "INIT";
    }
    if (op == "restore-value") {
        return "ZERO";
    }
    if (op == "const-nonzero") {
        return "ZERO";
    }
    if (op == "buffer-swap" || op == "negation-drop") {
        return "BUF";
    }
    if (op == "sign-swap") {
        return "USE";
    }
    if (op == "pingpong-flip" || op == "self-assign") {
        return "BUF";
    }
    if (op == "loop-update") {
        return "INF";
    }
    if (op == "clone-unrolled" || op == "unroll-gap") {
        return "MLU";
    }
    if (op == "cast-drop" || op == "cast-sign" || op == "decl-sign") {
        return "USE";
    }
    if (op == "constant-gap" || op == "stride-fix") {
        return "MLU";
    }
    if (op == "precedence" || op == "regroup") {
        return "PREC";
    }
    if (op == "shift-width" || op == "shift-narrow" ||
        ((op == "const-dec" || op == "const-inc") &&
         (s.find("<<") != std::string::npos || s.find(">>") != std::string::npos))) {
        return "SHFT";
    }
    bool loop = s.find("for") != std::string::npos || s.find("while") != std::string::npos;
    if (loop && (op == "arith-swap" || op == "rel-swap")) {
        return s.find("!=") != std::string::npos || s.find("--") != std::string::npos ||
                       s.find("++") != std::string::npos
                   ? "INF"
                   : "OOB";
    }
    if (op == "rel-swap" ||
        ((op == "const-dec" || op == "const-inc") && s.find('[') != std::string::npos)) {
        return "OOB";
    }
    return "";
}

} // namespace

double fix_check_timeout(const DesignSpec& reference, double user) {
    if (user > 0) {
        return user;
    }
    try {
        csim::Simulator probe; // the reference run is cached: this costs no new simulation
        return fix_check_timeout(probe.run_golden(reference), reference.timeout_s, user);
    } catch (const Error&) {
        return reference.timeout_s;
    }
}

double fix_check_timeout(const csim::Result& r, double design_timeout, double user) {
    if (user > 0) {
        return user;
    }
    double t = r.verdict == csim::Verdict::timeout ? 1.0 : std::max(1.0, 10 * r.seconds);
    return std::min(design_timeout, t);
}

DesignSpec materialize(const DesignSpec& design, const fs::path& dir, const std::string& file_name,
                       const std::string& text) {
    fs::create_directories(dir);
    for (const auto& e : fs::directory_iterator(design.dir)) {
        if (e.is_regular_file()) {
            fs::copy_file(e.path(), dir / e.path().filename(),
                          fs::copy_options::overwrite_existing);
        }
    }
    write_file_atomic(dir / file_name, text);
    DesignSpec copy = design;
    copy.dir = dir;
    auto rebase = [&](std::vector<fs::path>& files) {
        for (auto& f : files) {
            f = dir / f.filename();
        }
    };
    rebase(copy.sources);
    rebase(copy.testbench);
    return copy;
}

DebugReport debug_impl(const DesignSpec& design, const DebugOptions& opts,
                       const fs::path& target_file, const FixOracle& oracle) {
    DebugReport rep;
    rep.design = design.name;
    rep.has_testbench = design.has_testbench();
    csim::Options so;
    so.timeout_s = opts.timeout_s;
    csim::Simulator sim(so);
    bool failing = false;
    std::string symptom;
    double check_timeout = opts.timeout_s > 0 ? opts.timeout_s : design.timeout_s;
    if (rep.has_testbench) {
        try {
            auto r = sim.run_golden(design);
            check_timeout = fix_check_timeout(r, design.timeout_s, opts.timeout_s);
            rep.verdict_before = std::string(csim::verdict_name(r.verdict));
            rep.detail_before = r.detail;
            std::string tail = r.stdout_text.size() > 1500
                                   ? r.stdout_text.substr(r.stdout_text.size() - 1500)
                                   : r.stdout_text;
            symptom = "C simulation verdict: " + rep.verdict_before + " (exit code " +
                      std::to_string(r.exit_code) + ")" +
                      (r.detail.empty() ? "" : ": " + r.detail) + "\nLast testbench output:\n" +
                      tail;
            failing = r.verdict != csim::Verdict::pass;
        } catch (const InputError& e) {
            rep.verdict_before = "error";
            rep.detail_before = e.what();
            failing = true;
        }
    } else {
        rep.verdict_before = "no-testbench";
        rep.notes.push_back("no testbench: static evidence only, no fix can be proven");
    }

    if (rep.verdict_before == "compile_error" || rep.verdict_before == "error") {
        // Nothing can run: candidates would all fail to build. Report what the checker sees.
        rep.notes.push_back("the design does not build" +
                            (rep.detail_before.empty() ? std::string() : ": " + rep.detail_before) +
                            "; only static evidence is given");
        failing = false;
    }
    std::string file_name = target_file.filename().string();
    std::string text = read_file(target_file);
    SourceText src(text);
    std::vector<Suspect> suspects;

    // 1. The static checker on every design source.
    for (const auto& f : design.sources) {
        std::string t = f == target_file ? text : read_file(f);
        for (const auto& fd : check::check_source(f.string(), t)) {
            Suspect& s = suspect_at(suspects, f.filename().string(), fd.line);
            s.score += fd.severity == check::Severity::error ? 1.0 : 0.8;
            if (s.type.empty() && fd.type) {
                s.type = *fd.type;
            }
            s.evidence.push_back("checker: " + fd.message + " [" + fd.rule + "]");
        }
    }
    for (int l : opts.suspect_lines) {
        Suspect& s = suspect_at(suspects, file_name, l);
        s.score += 0.5;
        s.evidence.push_back("named by --suspect");
    }
    // A passing design stops here; without a runnable testbench an LLM still gets to look.
    bool ask_llm_anyway = opts.backend != "rules" && rep.verdict_before != "pass";
    if (!failing && opts.suspect_lines.empty() && !ask_llm_anyway) {
        if (suspects.empty() && rep.verdict_before == "pass") {
            rep.notes.push_back("the design passes its testbench and the checker finds nothing");
        }
        std::sort(suspects.begin(), suspects.end(), [](const auto& a, const auto& b) {
            return std::tie(b.score, a.line) < std::tie(a.score, b.line);
        });
        if (static_cast<int>(suspects.size()) > opts.top) {
            suspects.resize(static_cast<std::size_t>(opts.top));
        }
        rep.suspects = std::move(suspects);
        return rep;
    }

    // 2. Coverage spectra: which lines the failing runs execute.
    std::map<int, double> spectrum;
    std::set<int> executed;
    if (rep.has_testbench && failing) {
        std::vector<std::pair<bool, std::map<int, long>>> runs;
        // Cases that hang would each wait out the design's timeout: bound them by the run we saw.
        csim::Options cov_opts = so;
        cov_opts.timeout_s = check_timeout;
        csim::Simulator cov_sim(cov_opts);
        int cases = design.cases;
        try {
            // One coverage build, one run per case (each with its own counters).
            std::vector<std::map<std::string, std::string>> envs;
            for (int k = 0; k < std::max(cases, 1); ++k) {
                envs.emplace_back();
                if (cases > 0) {
                    envs.back()["HLSV_CASE"] = std::to_string(k);
                }
            }
            for (auto& cov : cov_sim.run_coverage_cases(design, {}, envs)) {
                bool passed = cov.result.exit_code == 0 &&
                              cov.result.verdict != csim::Verdict::crash &&
                              cov.result.verdict != csim::Verdict::timeout;
                runs.emplace_back(passed, cov.counts[file_name]);
                for (const auto& [line, n] : cov.counts[file_name]) {
                    if (n > 0) {
                        executed.insert(line);
                    }
                }
            }
        } catch (const Error& e) {
            rep.notes.push_back(std::string("coverage unavailable: ") + e.what());
        }
        long passing =
            std::count_if(runs.begin(), runs.end(), [](const auto& r) { return r.first; });
        if (cases > 1 && passing > 0 && passing < static_cast<long>(runs.size())) {
            spectrum = ochiai(runs);
        } else if (cases > 1) {
            rep.notes.push_back("every testbench case " +
                                std::string(passing ? "passes" : "fails") +
                                ": coverage cannot tell lines apart");
        } else {
            rep.notes.push_back("the testbench has no HLSV_CASE cases: coverage only tells which "
                                "lines ran, not which ones fail");
        }
        for (const auto& [line, score] : spectrum) {
            if (score > 0) {
                Suspect& s = suspect_at(suspects, file_name, line);
                s.score += score;
                char b[64];
                std::snprintf(b, sizeof b, "ochiai %.2f over %zu cases", score, runs.size());
                s.evidence.push_back(b);
            }
        }
    }

    // 2b. Declarations read before any write: a missing initializer leaves no code for
    // coverage to mark, so the declaration gets its own evidence, stronger when the read ran.
    for (const auto& u : reads_before_write(src)) {
        Suspect& s = suspect_at(suspects, file_name, u.decl_line);
        bool ran = executed.count(u.read_line) > 0;
        s.score += ran ? 1.0 : 0.6;
        if (s.type.empty()) {
            s.type = "INIT";
        }
        s.evidence.push_back("dataflow: '" + u.var + "' is read on line " +
                             std::to_string(u.read_line) + " before any write" +
                             (ran ? " (the read runs in the failing tests)" : ""));
    }

    // Locals that keep their literal initializer although they are read: a computed value
    // replaced by a constant leaves a line that coverage marks like any other.
    for (const auto& u : never_written(src)) {
        Suspect& s = suspect_at(suspects, file_name, u.decl_line);
        bool ran = executed.count(u.read_line) > 0;
        s.score += ran ? 0.8 : 0.4;
        s.evidence.push_back("dataflow: '" + u.var +
                             "' never changes from its literal initializer");
    }

    // 3. The LLM's suspects and fixes (openai / replay backends).
    std::vector<LlmCandidate> from_llm;
    if (opts.backend != "rules") {
        if (symptom.empty()) {
            symptom = rep.has_testbench ? "the testbench passes, but these lines are suspected"
                                        : "no testbench; static review requested";
        }
        for (const auto& s : suspects) {
            for (const auto& e : s.evidence) {
                symptom += "\n" + s.file + ":" + std::to_string(s.line) + ": " + e;
            }
        }
        from_llm = llm_candidates(design, file_name, text, symptom, opts, rep.notes);
        for (const auto& c : from_llm) {
            Suspect& s = suspect_at(suspects, file_name, c.line);
            s.score += 0.9 * c.weight;
            if (s.type.empty()) {
                s.type = c.type;
            }
            s.evidence.push_back("llm: " + (c.explanation.empty() ? c.type : c.explanation));
        }
    }

    // 4. Repair search on the most suspicious lines of the target file.
    if (oracle && failing) {
        std::vector<std::pair<double, int>> lines;
        for (int l = 1; l <= static_cast<int>(src.line_count()); ++l) {
            double p = prior(src.line(l));
            if (p <= 0) {
                continue;
            }
            if (!executed.empty()) {
                // Lines that never ran cannot be the fault unless they are declarations next
                // to code that ran (a missing initializer leaves no executable code).
                bool near = executed.count(l) || executed.count(l + 1) || executed.count(l - 1);
                if (!near && prior(src.line(l)) < 0.25) {
                    continue;
                }
            }
            double score = p;
            if (auto it = spectrum.find(l); it != spectrum.end()) {
                score += it->second;
            }
            for (const auto& s : suspects) {
                if (s.file == file_name && s.line == l) {
                    score += s.score;
                }
            }
            lines.emplace_back(score, l);
        }
        std::stable_sort(lines.begin(), lines.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<Candidate> cands;
        // Round-robin over the ranked lines so every plausible line gets its best edits first.
        // Anomaly-triggered edits of every line go first, in rank order.
        std::vector<std::vector<Candidate>> per_line;
        for (const auto& [score, l] : lines) {
            per_line.push_back(repair_candidates(src, l));
            auto& pl = per_line.back();
            auto first_blind =
                std::find_if(pl.begin(), pl.end(), [](const Candidate& c) { return !c.targeted; });
            for (auto it = pl.begin();
                 it != first_blind && cands.size() < static_cast<std::size_t>(opts.max_candidates);
                 ++it) {
                cands.push_back(*it);
            }
            pl.erase(pl.begin(), first_blind);
        }
        for (std::size_t round = 0; cands.size() < static_cast<std::size_t>(opts.max_candidates);
             ++round) {
            bool any = false;
            for (auto& pl : per_line) {
                if (round < pl.size() &&
                    cands.size() < static_cast<std::size_t>(opts.max_candidates)) {
                    cands.push_back(pl[round]);
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        // The LLM's own fixes are judged first, then the generic repair operators.
        std::vector<Candidate> llm_cands;
        std::vector<std::string> versions;
        for (const auto& c : from_llm) {
            if (!c.fixed_text.empty() && c.fixed_text != text) {
                llm_cands.push_back(
                    {c.line, 1, std::string(SourceText(c.fixed_text).line(c.line)), "llm"});
                versions.push_back(c.fixed_text);
            }
        }
        cands.insert(cands.begin(), llm_cands.begin(), llm_cands.end());
        for (std::size_t i = llm_cands.size(); i < cands.size(); ++i) {
            versions.push_back(apply_candidate(src, cands[i]));
        }
        rep.candidates_tried = static_cast<int>(versions.size());
        std::vector<bool> ok =
            versions.empty() ? std::vector<bool>{} : oracle(versions, check_timeout);
        for (std::size_t i = 0; i < cands.size(); ++i) {
            if (!ok[i]) {
                continue;
            }
            Suspect& s = suspect_at(suspects, file_name, cands[i].line);
            if (s.fix) {
                continue; // keep the first (most plausible) validated fix per line
            }
            Fix fx;
            fx.diff = inject::unified_diff(text, versions[i], file_name);
            fx.fixed_line = cands[i].replacement;
            fx.operator_id = cands[i].op;
            fx.validated = true;
            s.fix = fx;
            s.score += 2.0;
            if (s.type.empty()) {
                s.type = type_of_operator(cands[i].op, src.line(cands[i].line));
            }
            s.evidence.push_back("fix passes the testbench (" + cands[i].op + ")");
        }
    }
    std::stable_sort(suspects.begin(), suspects.end(), [](const auto& a, const auto& b) {
        if (a.score != b.score) {
            return a.score > b.score;
        }
        return a.line < b.line;
    });
    if (static_cast<int>(suspects.size()) > opts.top) {
        suspects.resize(static_cast<std::size_t>(opts.top));
    }
    rep.suspects = std::move(suspects);
    if (failing && rep.suspects.empty()) {
        rep.notes.push_back("no suspect line found");
    }
    return rep;
}

} // namespace detail

bool DebugReport::fixed() const {
    return std::any_of(suspects.begin(), suspects.end(),
                       [](const Suspect& s) { return s.fix && s.fix->validated; });
}

DebugReport debug(const DesignSpec& design, const DebugOptions& opts) {
    fs::path target = inject::injected_source(design);
    detail::FixOracle oracle;
    if (design.has_testbench()) {
        // No golden exists for a user's failing design: a candidate is proven when the design's
        // own self-checking testbench passes with it.
        oracle = [&design, target](const std::vector<std::string>& versions, double check_timeout) {
            // One batch for all candidates: shared objects, mutant-schema units, parallel runs.
            csim::Options so;
            so.timeout_s = check_timeout;
            csim::Simulator sim(so);
            std::vector<csim::Variant> vs;
            for (const auto& text : versions) {
                vs.push_back(csim::Variant{{{target.filename().string(), text}}});
            }
            std::vector<bool> ok(versions.size(), false);
            try {
                auto results = sim.run_standalone(design, vs);
                for (std::size_t i = 0; i < results.size(); ++i) {
                    ok[i] = results[i].verdict == csim::Verdict::pass;
                }
            } catch (const Error& e) {
                log_warning(std::string("candidate fixes not simulated: ") + e.what());
            }
            return ok;
        };
    }
    return detail::debug_impl(design, opts, target, oracle);
}

} // namespace hlsv::assist
