// hlsv debug: run the testbench, gather suspect lines (static checker, coverage spectra,
// LLM), try repair candidates on the most suspicious lines, keep the fixes the testbench
// accepts, and rank.
#include "check/check.h"
#include "csim/csim.h"
#include "inject/inject.h"
#include "internal.h"
#include "parse/parse.h"
#include "repair.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <regex>
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

namespace {

/// A file of the design the assistant reads: a source, or a `.c`/`.cpp` file a source
/// `#include`s (a program whose entry file pulls in its other files).
struct AnalysedFile {
    fs::path path;
    std::string name;    ///< as reported: relative to the design dir
    std::string variant; ///< file name a csim variant replaces ("" : not replaceable)
    std::string text;
    SourceText src{std::string()};
    std::set<int> dut_lines; ///< lines inside DUT functions (the only lines a fix may edit)
};

std::vector<AnalysedFile> analysed_files(const DesignSpec& design, const fs::path& target,
                                         const std::string& target_text,
                                         std::vector<std::string>& notes) {
    std::vector<fs::path> order;
    auto known = [&](const fs::path& p) {
        std::error_code ec;
        for (const auto& o : order) {
            if (fs::equivalent(o, p, ec)) {
                return true;
            }
        }
        return false;
    };
    std::vector<fs::path> work = {target};
    work.insert(work.end(), design.sources.begin(), design.sources.end());
    static const std::regex include_c(R"re(^\s*#\s*include\s*"([^"]+\.(?:c|cc|cpp))")re");
    while (!work.empty()) {
        fs::path p = work.front();
        work.erase(work.begin());
        std::error_code ec;
        if (!fs::is_regular_file(p, ec) || known(p)) {
            continue;
        }
        order.push_back(p);
        std::string t = p == target ? target_text : read_file(p);
        for (const auto& l : split(t, '\n')) {
            std::smatch m;
            if (std::regex_search(l, m, include_c)) {
                work.push_back(p.parent_path() / m[1].str());
            }
        }
    }
    std::vector<AnalysedFile> out;
    for (const auto& p : order) {
        AnalysedFile f;
        f.path = p;
        std::error_code ec;
        f.name = fs::relative(p, design.dir, ec).generic_string();
        if (ec || f.name.empty()) {
            f.name = p.filename().string();
        }
        if (f.name.find('/') == std::string::npos) {
            f.variant = f.name;
        }
        f.text = p == target ? target_text : read_file(p);
        f.src = SourceText(f.text);
        out.push_back(std::move(f));
    }
    // The design under test over all these files: a fix may edit the top function and what it
    // calls, never main, the testbench or what only they reach.
    std::vector<parse::DesignFacts> facts;
    parse::Options po;
    po.top = design.top;
    po.use_libclang = false;
    for (const auto& f : out) {
        facts.push_back(parse::parse_source(f.path.string(), f.text, po));
    }
    std::vector<const parse::DesignFacts*> ptrs;
    for (const auto& fc : facts) {
        ptrs.push_back(&fc);
    }
    parse::Dut dut = parse::design_under_test(ptrs, design.top);
    bool any = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (const auto& fn : facts[i].functions) {
            if (fn.body_line_start > 0 && dut.contains(fn.name)) {
                for (int l = fn.line_start; l <= fn.line_end; ++l) {
                    out[i].dut_lines.insert(l);
                }
                any = true;
            }
        }
    }
    if (!any) {
        // No top found: everything but main (and what main alone calls) is fair game.
        for (std::size_t i = 0; i < out.size(); ++i) {
            std::set<int> oracle_lines;
            for (const auto& fn : facts[i].functions) {
                if (fn.name == "main") {
                    for (int l = fn.line_start; l <= fn.line_end; ++l) {
                        oracle_lines.insert(l);
                    }
                }
            }
            for (int l = 1; l <= static_cast<int>(out[i].src.line_count()); ++l) {
                if (!oracle_lines.count(l)) {
                    out[i].dut_lines.insert(l);
                }
            }
        }
        notes.push_back("the top function '" + design.top +
                        "' was not found: every function but main may be edited");
    }
    std::string names;
    for (const auto& f : out) {
        names += (names.empty() ? "" : ", ") + f.name;
    }
    notes.push_back("analysed: " + names);
    return out;
}

/// Characters changed between two texts (Levenshtein distance), capped for long lines.
std::size_t edit_size(const std::string& a, const std::string& b) {
    if (a.size() > 400 || b.size() > 400) {
        return std::max(a.size(), b.size());
    }
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        prev[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = std::min(
                {prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

/// The type of the bug a fix undoes, from the operator and what the failing run showed: a
/// loop that terminated is never INF (an off-by-one bound reads or writes past the end).
std::string type_from_fix(const std::string& op, std::string_view line,
                          const std::string& verdict_before) {
    bool hung = verdict_before == "timeout";
    bool stuck = hung || verdict_before == "crash" || verdict_before == "sanitizer";
    if (op == "restore-cond") {
        return stuck ? "INF" : "OOB";
    }
    if (op == "update-direction" || op == "loop-update" || op == "compare-direction") {
        bool loop = line.find("for") != std::string_view::npos ||
                    line.find("while") != std::string_view::npos;
        if (loop) {
            return hung || (op != "compare-direction" && stuck) ? "INF" : "OOB";
        }
        return "";
    }
    if (op == "offset-drop") {
        return "OOB";
    }
    if (op == "subscript-swap") {
        return "BUF";
    }
    std::string t = type_of_operator(op, line);
    if (t == "INF" && !hung) {
        return "OOB"; // the loop ended: its bound, not its termination, was wrong
    }
    return t;
}

/// One fix that passed the testbench, with what makes it plausible.
struct Judged {
    std::size_t index = 0; ///< into the candidate list
    bool proven = false;   ///< also clean under ASan+UBSan and on every case
    bool proof_ran = false;
    bool targeted = false;
    bool finding_gone = false; ///< the checker finding that pointed at the line is gone
    long new_findings = 0;     ///< checker findings the fix adds
    std::size_t size = 0;      ///< characters changed
    double plausibility() const {
        return (proven      ? 2.0
                : proof_ran ? 0.6
                            : 1.6) +
               (targeted ? 0.3 : 0) + (finding_gone ? 0.3 : 0) -
               0.5 * static_cast<double>(new_findings) -
               0.04 * static_cast<double>(std::min<std::size_t>(size, 12));
    }
};

std::atomic<bool> g_case_note_given{false};

} // namespace

DebugReport debug_impl(const DesignSpec& design, const DebugOptions& opts,
                       const fs::path& target_file, const FixOracle& oracle,
                       const DesignSpec* reference) {
    DebugReport rep;
    rep.design = design.name;
    rep.has_testbench = design.has_testbench();
    csim::Options so;
    so.timeout_s = opts.timeout_s;
    csim::Simulator sim(so);
    bool failing = false;
    std::string symptom;
    double check_timeout = opts.timeout_s > 0 ? opts.timeout_s : design.timeout_s;
    std::string target_name = target_file.filename().string();
    std::string text = read_file(target_file);
    if (rep.has_testbench) {
        try {
            csim::Result r;
            if (reference) {
                // The expected outputs come from the reference design: the design's own files
                // run as one variant of it.
                csim::Variant mine;
                for (const auto& f : design.sources) {
                    mine.files[f.filename().string()] = read_file(f);
                }
                r = sim.run_variants(*reference, {mine}).front();
                auto ref_run = sim.run_golden(*reference);
                check_timeout = fix_check_timeout(ref_run, reference->timeout_s, opts.timeout_s);
            } else {
                r = sim.run_golden(design);
                check_timeout = fix_check_timeout(r, design.timeout_s, opts.timeout_s);
            }
            rep.verdict_before = std::string(csim::verdict_name(r.verdict));
            if (r.verdict == csim::Verdict::equivalent) {
                rep.verdict_before = "pass";
            }
            rep.detail_before = r.detail;
            std::string tail = r.stdout_text.size() > 1500
                                   ? r.stdout_text.substr(r.stdout_text.size() - 1500)
                                   : r.stdout_text;
            symptom = "C simulation verdict: " + rep.verdict_before + " (exit code " +
                      std::to_string(r.exit_code) + ")" +
                      (r.detail.empty() ? "" : ": " + r.detail) + "\nLast testbench output:\n" +
                      tail;
            failing = !csim::is_success(r.verdict);
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
    auto files = analysed_files(design, target_file, text, rep.notes);
    auto file_named = [&](const std::string& name) -> const AnalysedFile* {
        for (const auto& f : files) {
            if (f.name == name) {
                return &f;
            }
        }
        return nullptr;
    };
    auto in_dut = [&](const std::string& name, int line) {
        const AnalysedFile* f = file_named(name);
        return f && f->dut_lines.count(line) > 0;
    };
    std::vector<Suspect> suspects;

    // 1. The static checker on every analysed file: a finding in the DUT makes its line a
    // suspect (findings in the oracle are not the design's bug).
    std::map<std::pair<std::string, int>, long> findings_at;
    std::map<std::string, long> findings_in;
    for (const auto& f : files) {
        for (const auto& fd : check::check_source(f.path.string(), f.text)) {
            ++findings_in[f.name];
            if (!in_dut(f.name, fd.line)) {
                continue;
            }
            ++findings_at[{f.name, fd.line}];
            Suspect& s = suspect_at(suspects, f.name, fd.line);
            s.score += fd.severity == check::Severity::error ? 1.0 : 0.8;
            if (s.type.empty() && fd.type) {
                s.type = *fd.type;
            }
            s.evidence.push_back("checker: " + fd.message + " [" + fd.rule + "]");
        }
    }
    for (int l : opts.suspect_lines) {
        Suspect& s = suspect_at(suspects, files.front().name, l);
        s.score += 0.5;
        s.evidence.push_back("named by --suspect");
    }
    auto finish = [&](std::vector<Suspect> all) {
        std::stable_sort(all.begin(), all.end(),
                         [](const auto& a, const auto& b) { return a.score > b.score; });
        if (static_cast<int>(all.size()) > opts.top) {
            all.resize(static_cast<std::size_t>(opts.top));
        }
        rep.suspects = std::move(all);
    };
    // A passing design stops here; without a runnable testbench an LLM still gets to look.
    bool ask_llm_anyway = opts.backend != "rules" && rep.verdict_before != "pass";
    if (!failing && opts.suspect_lines.empty() && !ask_llm_anyway) {
        if (suspects.empty() && rep.verdict_before == "pass") {
            rep.notes.push_back("the design passes its testbench and the checker finds nothing");
        }
        finish(std::move(suspects));
        return rep;
    }

    // 2. Coverage spectra: which lines the failing runs execute.
    std::map<std::pair<std::string, int>, double> spectrum;
    std::set<std::pair<std::string, int>> executed;
    if (rep.has_testbench && failing) {
        std::vector<std::pair<bool, csim::LineCounts>> runs;
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
            csim::Variant mine;
            const DesignSpec& base = reference ? *reference : design;
            if (reference) {
                for (const auto& f : design.sources) {
                    mine.files[f.filename().string()] = read_file(f);
                }
            }
            for (auto& cov : cov_sim.run_coverage_cases(base, mine, envs)) {
                bool passed = reference ? csim::is_success(cov.result.verdict)
                                        : cov.result.exit_code == 0 &&
                                              cov.result.verdict != csim::Verdict::crash &&
                                              cov.result.verdict != csim::Verdict::timeout;
                for (const auto& f : files) {
                    std::string key = fs::path(f.name).filename().string();
                    for (const auto& [line, n] : cov.counts[key]) {
                        if (n > 0) {
                            executed.insert({f.name, line});
                        }
                    }
                }
                runs.emplace_back(passed, std::move(cov.counts));
            }
        } catch (const Error& e) {
            rep.notes.push_back(std::string("coverage unavailable: ") + e.what());
        }
        long passing =
            std::count_if(runs.begin(), runs.end(), [](const auto& r) { return r.first; });
        if (cases > 1 && passing > 0 && passing < static_cast<long>(runs.size())) {
            for (const auto& f : files) {
                std::string key = fs::path(f.name).filename().string();
                std::vector<std::pair<bool, std::map<int, long>>> per_file;
                for (auto& [ok, counts] : runs) {
                    per_file.emplace_back(ok, counts[key]);
                }
                for (const auto& [line, score] : ochiai(per_file)) {
                    spectrum[{f.name, line}] = score;
                }
            }
        } else if (cases > 1) {
            rep.notes.push_back("every testbench case " +
                                std::string(passing ? "passes" : "fails") +
                                ": coverage cannot tell lines apart");
        } else if (!g_case_note_given.exchange(true)) {
            rep.notes.push_back("the testbench has no HLSV_CASE cases: coverage only tells which "
                                "lines ran, not which ones fail");
        }
        for (const auto& [at, score] : spectrum) {
            if (score > 0 && in_dut(at.first, at.second)) {
                Suspect& s = suspect_at(suspects, at.first, at.second);
                s.score += score;
                char b[64];
                std::snprintf(b, sizeof b, "ochiai %.2f over %zu cases", score, runs.size());
                s.evidence.push_back(b);
            }
        }
    }

    // 2b. Declarations read before any write: a missing initializer leaves no code for
    // coverage to mark, so the declaration gets its own evidence, stronger when the read ran.
    for (const auto& f : files) {
        for (const auto& u : reads_before_write(f.src)) {
            if (!in_dut(f.name, u.decl_line)) {
                continue;
            }
            Suspect& s = suspect_at(suspects, f.name, u.decl_line);
            bool ran = executed.count({f.name, u.read_line}) > 0;
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
        for (const auto& u : never_written(f.src)) {
            if (!in_dut(f.name, u.decl_line)) {
                continue;
            }
            Suspect& s = suspect_at(suspects, f.name, u.decl_line);
            bool ran = executed.count({f.name, u.read_line}) > 0;
            s.score += ran ? 0.8 : 0.4;
            s.evidence.push_back("dataflow: '" + u.var +
                                 "' never changes from its literal initializer");
        }
    }

    // 3. The LLM's suspects and fixes (openai / replay backends), on the target file.
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
        from_llm = llm_candidates(design, target_name, text, symptom, opts, rep.notes);
        for (const auto& c : from_llm) {
            if (!in_dut(files.front().name, c.line)) {
                continue;
            }
            Suspect& s = suspect_at(suspects, files.front().name, c.line);
            s.score += 0.9 * c.weight;
            if (s.type.empty()) {
                s.type = c.type;
            }
            s.evidence.push_back("llm: " + (c.explanation.empty() ? c.type : c.explanation));
        }
    }

    // 4. Lines of the DUT ranked by evidence, then by how likely they are to hold a bug.
    struct RankedLine {
        double score;
        const AnalysedFile* file;
        int line;
        bool evidence; ///< a checker finding, dataflow, spectrum or LLM points here
    };
    std::vector<RankedLine> lines;
    for (const auto& f : files) {
        for (int l : f.dut_lines) {
            if (l < 1 || l > static_cast<int>(f.src.line_count())) {
                continue;
            }
            double p = prior(f.src.line(l));
            if (p <= 0) {
                continue;
            }
            if (!executed.empty()) {
                // Lines that never ran cannot be the fault unless they are declarations next
                // to code that ran (a missing initializer leaves no executable code).
                bool near = executed.count({f.name, l}) || executed.count({f.name, l + 1}) ||
                            executed.count({f.name, l - 1});
                if (!near && p < 0.25) {
                    continue;
                }
                if (!near && !executed.count({f.name, l})) {
                    p *= 0.5;
                }
            }
            double score = p;
            bool ev = false;
            for (const auto& s : suspects) {
                if (s.file == f.name && s.line == l) {
                    score += s.score;
                    ev = ev || s.score >= 0.5;
                }
            }
            lines.push_back({score, &f, l, ev});
        }
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const auto& a, const auto& b) { return a.score > b.score; });

    // 5. Repair search. Budget: every anomaly-triggered edit first, then the blind edits of
    // the lines the evidence points at, then the blind edits of the other lines round-robin.
    if (oracle && failing) {
        struct Planned {
            Candidate c;
            const AnalysedFile* file;
        };
        std::vector<Planned> cands;
        std::size_t budget = static_cast<std::size_t>(opts.max_candidates);
        std::vector<std::vector<Planned>> blind_evidence, blind_other;
        for (const auto& rl : lines) {
            if (rl.file->variant.empty()) {
                continue; // a file in a sub-folder: analysed, but csim cannot replace it
            }
            auto pl = repair_candidates(rl.file->src, rl.line);
            std::vector<Planned> blind;
            for (auto& c : pl) {
                // A fix may not reach outside the DUT (a swap with a line of main).
                if (!rl.file->dut_lines.count(c.line + c.span - 1)) {
                    continue;
                }
                if (c.targeted) {
                    if (cands.size() < budget) {
                        cands.push_back({c, rl.file});
                    }
                } else {
                    blind.push_back({c, rl.file});
                }
            }
            (rl.evidence ? blind_evidence : blind_other).push_back(std::move(blind));
        }
        std::vector<std::size_t> stage_ends = {cands.size()};
        for (auto* group : {&blind_evidence, &blind_other}) {
            for (std::size_t round = 0; cands.size() < budget; ++round) {
                bool any = false;
                for (auto& pl : *group) {
                    if (round < pl.size() && cands.size() < budget) {
                        cands.push_back(pl[round]);
                        any = true;
                    }
                }
                if (!any) {
                    break;
                }
            }
            stage_ends.push_back(cands.size());
        }
        // The LLM's own fixes are judged first, then the generic repair operators.
        std::vector<Planned> all;
        std::vector<std::string> fixed_texts;
        const AnalysedFile& first = files.front();
        for (const auto& c : from_llm) {
            if (!c.fixed_text.empty() && c.fixed_text != text && !first.variant.empty()) {
                // The LLM's edit must stay inside the DUT too.
                auto a = split(text, '\n'), b = split(c.fixed_text, '\n');
                bool inside = true;
                for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
                    bool same = i < a.size() && i < b.size() && a[i] == b[i];
                    if (!same && !first.dut_lines.count(static_cast<int>(i) + 1)) {
                        inside = false;
                        break;
                    }
                }
                if (!inside) {
                    rep.notes.push_back("an LLM fix edits code outside the design under test; "
                                        "not tried");
                    continue;
                }
                all.push_back(
                    {{c.line, 1, std::string(SourceText(c.fixed_text).line(c.line)), "llm", true},
                     &first});
                fixed_texts.push_back(c.fixed_text);
            }
        }
        for (auto& p : cands) {
            fixed_texts.push_back(apply_candidate(p.file->src, p.c));
            all.push_back(std::move(p));
        }
        std::vector<csim::Variant> versions;
        for (std::size_t i = 0; i < all.size(); ++i) {
            versions.push_back(csim::Variant{{{all[i].file->variant, fixed_texts[i]}}});
        }
        // Judged in stages (the LLM's and the anomaly-triggered edits, then the blind edits
        // where the evidence points, then the rest): a stage that yields a passing fix ends the
        // search, so the blind budget is only spent when the evidence-led edits fail.
        RunMode plain{check_timeout, false, {}};
        std::vector<bool> ok(versions.size(), false);
        std::size_t judged = 0;
        std::size_t llm_count = all.size() - cands.size();
        for (std::size_t end : stage_ends) {
            end = std::min(end + llm_count, versions.size());
            if (end <= judged) {
                continue;
            }
            std::vector<csim::Variant> stage(versions.begin() + static_cast<long>(judged),
                                             versions.begin() + static_cast<long>(end));
            auto r = oracle(stage, plain);
            for (std::size_t i = 0; i < r.size() && i < stage.size(); ++i) {
                ok[judged + i] = r[i];
            }
            judged = end;
            if (std::find(ok.begin(), ok.end(), true) != ok.end()) {
                break;
            }
        }
        rep.candidates_tried = static_cast<int>(judged);

        // 6. Proof of the fixes that pass: ASan+UBSan, and every case of the testbench.
        std::vector<Judged> passed;
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (!ok[i]) {
                continue;
            }
            Judged j;
            j.index = i;
            j.targeted = all[i].c.targeted;
            const AnalysedFile& f = *all[i].file;
            std::string before;
            for (int k = 0; k < all[i].c.span; ++k) {
                before += std::string(f.src.line(all[i].c.line + k)) + "\n";
            }
            j.size = edit_size(before, all[i].c.replacement + "\n");
            long after_total = 0, after_here = 0;
            for (const auto& fd : check::check_source(f.path.string(), fixed_texts[i])) {
                ++after_total;
                after_here += fd.line == all[i].c.line;
            }
            long before_here = findings_at.count({f.name, all[i].c.line})
                                   ? findings_at[{f.name, all[i].c.line}]
                                   : 0;
            j.finding_gone = before_here > 0 && after_here < before_here;
            j.new_findings = std::max(0L, after_total - findings_in[f.name]);
            passed.push_back(j);
        }
        std::stable_sort(passed.begin(), passed.end(), [](const Judged& a, const Judged& b) {
            return a.plausibility() > b.plausibility();
        });
        constexpr std::size_t k_proofs = 4; // the most plausible ones; the rest stay unproven
        std::vector<csim::Variant> to_prove;
        for (std::size_t i = 0; i < std::min(passed.size(), k_proofs); ++i) {
            to_prove.push_back(versions[passed[i].index]);
        }
        if (!to_prove.empty()) {
            std::vector<bool> clean(to_prove.size(), true);
            bool ran = true;
            int cases = std::max(design.cases, 1);
            for (int k = 0; k < cases && ran; ++k) {
                RunMode proof{check_timeout * 3, true, {}};
                if (design.cases > 0) {
                    proof.env["HLSV_CASE"] = std::to_string(k);
                }
                auto r = oracle(to_prove, proof);
                if (r.size() != to_prove.size()) {
                    ran = false;
                    break;
                }
                for (std::size_t i = 0; i < r.size(); ++i) {
                    clean[i] = clean[i] && r[i];
                }
            }
            if (!ran) {
                rep.notes.push_back("the ASan+UBSan proof could not run (the design does not "
                                    "build or pass under the sanitizers): fixes are validated, "
                                    "not proven");
            }
            for (std::size_t i = 0; i < to_prove.size(); ++i) {
                passed[i].proof_ran = ran;
                passed[i].proven = ran && clean[i];
            }
            std::stable_sort(passed.begin(), passed.end(), [](const Judged& a, const Judged& b) {
                return a.plausibility() > b.plausibility();
            });
        }
        // 7. One fix per line (its most plausible), scored by that plausibility.
        std::set<std::string> distinct_proven;
        for (const auto& j : passed) {
            const Planned& p = all[j.index];
            if (j.proven) {
                distinct_proven.insert(p.file->name + "\n" + fixed_texts[j.index]);
            }
            Suspect& s = suspect_at(suspects, p.file->name, p.c.line);
            if (s.fix) {
                continue;
            }
            Fix fx;
            fx.diff = inject::unified_diff(p.file->text, fixed_texts[j.index], p.file->name);
            fx.fixed_line = p.c.replacement;
            fx.operator_id = p.c.op;
            fx.validated = true;
            fx.proven = j.proven;
            fx.edit_size = static_cast<int>(j.size);
            s.fix = fx;
            s.score += j.plausibility();
            std::string t = type_from_fix(p.c.op, p.file->src.line(p.c.line), rep.verdict_before);
            if (!t.empty() && (s.type.empty() || s.type == "INF" || p.c.targeted)) {
                s.type = t;
            }
            std::string how = j.proven ? "fix passes the testbench, ASan+UBSan" +
                                             std::string(design.cases > 1 ? " and every case" : "")
                              : j.proof_ran ? "fix passes the testbench but not under ASan+UBSan"
                                            : "fix passes the testbench (not proven)";
            s.evidence.push_back(how + " (" + p.c.op + ", " + std::to_string(j.size) +
                                 " characters changed" +
                                 (j.finding_gone ? ", removes the checker finding" : "") +
                                 (j.new_findings ? ", adds checker findings" : "") + ")");
        }
        if (distinct_proven.size() > 1) {
            rep.notes.push_back("ambiguous: " + std::to_string(distinct_proven.size()) +
                                " fixes pass; the testbench cannot tell them apart");
        }
        rep.fixes_validated = static_cast<int>(passed.size());
        rep.fixes_proven = static_cast<int>(distinct_proven.size());
    }

    // 8. Suspects beyond the evidence: the best-ranked remaining lines, so --top N shows N.
    for (const auto& rl : lines) {
        if (static_cast<int>(suspects.size()) >= opts.top) {
            break;
        }
        bool have = std::any_of(suspects.begin(), suspects.end(), [&](const Suspect& s) {
            return s.file == rl.file->name && s.line == rl.line;
        });
        if (!have) {
            Suspect& s = suspect_at(suspects, rl.file->name, rl.line);
            s.score = 0.1 * rl.score;
            s.evidence.push_back(executed.count({rl.file->name, rl.line})
                                     ? "runs in the failing test (no other evidence)"
                                     : "a plausible line (no other evidence)");
        }
    }
    finish(std::move(suspects));
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
    // A kernel pulled into the program by #include: analyse from the source that includes it,
    // which sees both files.
    if (std::find(design.sources.begin(), design.sources.end(), target) == design.sources.end()) {
        std::error_code ec;
        fs::path canon = fs::weakly_canonical(target, ec);
        for (const auto& src : design.sources) {
            auto inc = inject::included_code_files(src);
            if (std::find(inc.begin(), inc.end(), canon) != inc.end()) {
                target = src;
                break;
            }
        }
    }
    detail::FixOracle oracle;
    std::optional<DesignSpec> reference;
    if (!opts.reference.empty()) {
        reference = load_design(opts.reference);
        if (!reference->has_testbench()) {
            throw InputError(opts.reference, "the reference design has no testbench");
        }
    }
    if (design.has_testbench()) {
        // Without a reference no golden exists for a user's failing design: a candidate is
        // proven when the design's own self-checking testbench passes with it. With one, its
        // outputs are the expected ones.
        oracle = [&design, &reference](const std::vector<csim::Variant>& versions,
                                       const detail::RunMode& mode) {
            // One batch for all candidates: shared objects, mutant-schema units, parallel runs.
            csim::Options so;
            so.timeout_s = mode.timeout;
            so.sanitize = mode.sanitize;
            so.env = mode.env;
            csim::Simulator sim(so);
            std::vector<bool> ok;
            try {
                auto results = reference ? sim.run_variants(*reference, versions)
                                         : sim.run_standalone(design, versions);
                for (const auto& r : results) {
                    ok.push_back(csim::is_success(r.verdict));
                }
            } catch (const Error& e) {
                log_verbose(std::string("candidate fixes not simulated: ") + e.what());
                return std::vector<bool>{};
            }
            return ok;
        };
    }
    return detail::debug_impl(design, opts, target, oracle, reference ? &*reference : nullptr);
}

} // namespace hlsv::assist
