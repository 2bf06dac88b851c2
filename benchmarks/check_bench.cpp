// check_bench: the static checker's quality and speed, printed next to baselines measured in the
// same run (tree-sitter parsing alone, cppcheck --enable=all, clang-tidy-14).
//   recall      on the rule engine's injections of the ten pragma types into benchmarks/designs
//               (a hit is a finding of the injected type within +-1 line of a changed line)
//   precision   findings per 1,000 lines on the golden designs
//   speed       lines per CPU second over a whole tree, one core
#include "check/check.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <sys/resource.h>
#include <sys/wait.h>
#include <tree_sitter/api.h>
#ifdef HLSV_HAVE_INJECT
#include "inject/inject.h"
#include "parse/parse.h"
#endif

extern "C" const TSLanguage* tree_sitter_cpp(void);

namespace {

using namespace hlsv;

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double children_cpu() {
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

struct Cmd {
    int status = -1;
    std::string out;
    double cpu = 0;
};

Cmd run(const std::string& cmd) {
    Cmd r;
    double c0 = children_cpu();
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    if (!p) {
        return r;
    }
    std::array<char, 8192> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) {
        r.out.append(buf.data(), n);
    }
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.cpu = children_cpu() - c0;
    return r;
}

bool have(const std::string& tool) {
    return run("command -v " + tool + " >/dev/null").status == 0;
}

std::size_t count_lines(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) {
        n += c == '\n';
    }
    return n;
}

// Counts report lines that name a location "file:line:" (one per finding).
std::size_t count_findings(const std::string& out, const std::string& marker) {
    std::size_t n = 0;
    for (std::size_t p = out.find(marker); p != std::string::npos; p = out.find(marker, p + 1)) {
        ++n;
    }
    return n;
}

std::string join_quoted(const std::vector<fs::path>& files) {
    std::string s;
    for (const auto& f : files) {
        s += " '" + f.string() + "'";
    }
    return s;
}

std::string cppcheck_cmd(const std::string& files) {
    return "cppcheck --enable=all --quiet --suppress=missingIncludeSystem "
           "--suppress=missingInclude "
           "--suppress=unusedFunction --template='{file}:{line}:{severity}:{id}:HIT' " +
           files;
}

std::string tidy_cmd(const std::string& files, const fs::path& root) {
    return "clang-tidy-14 --quiet" + files + " -- -std=c++17 -I'" +
           (root / "harness" / "include").string() + "'";
}

} // namespace

int main() {
    const fs::path root = HLSV_BENCH_ROOT;
    const fs::path designs = root / "benchmarks" / "designs";
    std::printf("hlsv check_bench (designs: %s)\n\n", designs.c_str());

    // ---- precision on the golden designs -----------------------------------------------------
    check::Options opts;
    opts.min_severity = check::Severity::warning;
    opts.include_dirs = {(root / "harness" / "include").string()};
    auto golden_files = check::collect_files({designs});
    check::Report golden = check::check_paths({designs}, opts);
    std::printf("== golden designs: %zu files, %zu lines\n", golden.files.size(), golden.lines);
    std::printf("  %-26s %8zu findings  %6.2f per 1,000 lines (target <= 1)\n", "hlsv check",
                golden.findings.size(),
                1000.0 * static_cast<double>(golden.findings.size()) / golden.lines);
    for (const auto& f : golden.findings) {
        std::printf("      %s:%d: [%s] %s\n", f.file.c_str(), f.line, f.rule.c_str(),
                    f.message.c_str());
    }
    std::string all_quoted = join_quoted(golden_files);
    double cpp_cpu = -1, tidy_cpu = -1;
    if (have("cppcheck")) {
        Cmd c = run(cppcheck_cmd(all_quoted));
        cpp_cpu = c.cpu;
        std::size_t n = count_findings(c.out, ":HIT");
        std::printf("  %-26s %8zu findings  %6.2f per 1,000 lines\n", "cppcheck --enable=all", n,
                    1000.0 * static_cast<double>(n) / golden.lines);
    } else {
        std::printf("  cppcheck: not installed\n");
    }
    if (have("clang-tidy-14")) {
        Cmd c = run(tidy_cmd(all_quoted, root));
        tidy_cpu = c.cpu;
        std::size_t n = count_findings(c.out, ": warning:") + count_findings(c.out, ": error:");
        std::printf("  %-26s %8zu findings  %6.2f per 1,000 lines\n", "clang-tidy-14 (default)", n,
                    1000.0 * static_cast<double>(n) / golden.lines);
    } else {
        std::printf("  clang-tidy-14: not installed\n");
    }

    // ---- the development corpus (HLSV_CORPUS), golden public code -----------------------------
    if (const char* corpus_env = std::getenv("HLSV_CORPUS"); corpus_env && fs::exists(corpus_env)) {
        const fs::path corpus = corpus_env;
        std::vector<fs::path> kernels;
        for (const char* suite : {"MachSuite", "PolyBenchC-4.2.1", "Vitis_Accel_Examples"}) {
            if (!fs::exists(corpus / suite)) {
                continue;
            }
            for (const auto& f : check::collect_files({corpus / suite})) {
                std::string path = f.generic_string();
                bool vitis = std::string(suite) == "Vitis_Accel_Examples";
                // Vitis examples: the kernels (*/src/*.cpp), not host code.
                if (vitis ? (f.extension() == ".cpp" && path.find("/src/") != std::string::npos &&
                             path.find("host") == std::string::npos)
                          : f.extension() == ".c") {
                    kernels.push_back(f);
                }
            }
        }
        check::Options co = opts;
        co.min_severity = check::Severity::note;
        double c0 = cpu_seconds();
        check::Report rep = check::check_paths(kernels, co);
        double cpu = cpu_seconds() - c0;
        std::printf("\n== development corpus (%s): %zu files, %zu lines, %zu lines in inactive "
                    "#if branches skipped\n",
                    corpus.c_str(), rep.files.size(), rep.lines, rep.skipped_lines);
        std::printf("  %-26s %8zu findings  %6.2f per 1,000 lines (target <= 0.2)  %.0f lines/s\n",
                    "hlsv check", rep.findings.size(),
                    1000.0 * static_cast<double>(rep.findings.size()) / rep.lines,
                    static_cast<double>(rep.lines) / cpu);
        for (const auto& f : rep.findings) {
            std::printf("      %s:%d: [%s] %s\n", f.file.c_str(), f.line, f.rule.c_str(),
                        f.message.c_str());
        }
        std::string quoted = join_quoted(kernels);
        if (have("cppcheck")) {
            Cmd c = run(cppcheck_cmd(quoted));
            std::size_t n = count_findings(c.out, ":HIT");
            std::printf("  %-26s %8zu findings  %6.2f per 1,000 lines  %.0f lines/s\n",
                        "cppcheck --enable=all", n, 1000.0 * static_cast<double>(n) / rep.lines,
                        c.cpu > 0 ? static_cast<double>(rep.lines) / c.cpu : 0.0);
        }
        if (have("clang-tidy-14")) {
            Cmd c = run(tidy_cmd(quoted, root));
            std::size_t n = count_findings(c.out, ": warning:") + count_findings(c.out, ": error:");
            std::printf("  %-26s %8zu findings  %6.2f per 1,000 lines  %.0f lines/s\n",
                        "clang-tidy-14 (default)", n, 1000.0 * static_cast<double>(n) / rep.lines,
                        c.cpu > 0 ? static_cast<double>(rep.lines) / c.cpu : 0.0);
        }
    } else {
        std::printf("\n== development corpus: HLSV_CORPUS not set or absent, skipped\n");
    }

    // ---- speed --------------------------------------------------------------------------------
    std::vector<fs::path> tree = {designs, root / "src", root / "tests", root / "harness"};
    std::vector<fs::path> existing;
    for (const auto& t : tree) {
        if (fs::exists(t)) {
            existing.push_back(t);
        }
    }
    auto tree_files = check::collect_files(existing);
    std::vector<std::string> texts;
    std::size_t tree_lines = 0, tree_bytes = 0;
    for (const auto& f : tree_files) {
        texts.push_back(read_file(f));
        tree_lines += count_lines(texts.back());
        tree_bytes += texts.back().size();
    }
    const int reps = 3;
    double t0 = cpu_seconds();
    for (int r = 0; r < reps; ++r) {
        TSParser* p = ts_parser_new();
        ts_parser_set_language(p, tree_sitter_cpp());
        for (const auto& t : texts) {
            TSTree* tr =
                ts_parser_parse_string(p, nullptr, t.data(), static_cast<uint32_t>(t.size()));
            ts_tree_delete(tr);
        }
        ts_parser_delete(p);
    }
    double parse_cpu = (cpu_seconds() - t0) / reps;
    // The first pass also parses every quoted header once (then cached per process).
    t0 = cpu_seconds();
    double first_cpu = 0;
    std::size_t tree_findings = 0;
    for (int r = 0; r < reps; ++r) {
        tree_findings = 0;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            tree_findings += check::check_source(tree_files[i].string(), texts[i], opts).size();
        }
        if (r == 0) {
            first_cpu = cpu_seconds() - t0;
        }
    }
    double check_cpu = (cpu_seconds() - t0) / reps;
    std::printf("\n== speed: %zu files, %zu lines, %.1f KiB (src/, tests/, harness/, designs), one "
                "core, CPU time\n",
                tree_files.size(), tree_lines, static_cast<double>(tree_bytes) / 1024);
    std::printf("  %-26s %10.0f lines/s  (%.3f s; target >= 20,000)\n", "hlsv check (all rules)",
                static_cast<double>(tree_lines) / check_cpu, check_cpu);
    std::printf("  %-26s %10.0f lines/s  (%.3f s; first pass, headers parsed cold)\n",
                "hlsv check (first pass)", static_cast<double>(tree_lines) / first_cpu, first_cpu);
    std::printf("  %-26s %10.0f lines/s  (%.3f s; the floor: parsing alone)\n",
                "tree-sitter parse only", static_cast<double>(tree_lines) / parse_cpu, parse_cpu);
    if (cpp_cpu > 0) {
        std::printf("  %-26s %10.0f lines/s  (designs only, %.3f s child CPU)\n",
                    "cppcheck --enable=all", static_cast<double>(golden.lines) / cpp_cpu, cpp_cpu);
    }
    if (tidy_cpu > 0) {
        std::printf("  %-26s %10.0f lines/s  (designs only, %.3f s child CPU)\n", "clang-tidy-14",
                    static_cast<double>(golden.lines) / tidy_cpu, tidy_cpu);
    }

    // ---- recall on injections -----------------------------------------------------------------
#ifdef HLSV_HAVE_INJECT
    const std::vector<std::string> types = {"APT",  "FND", "DID", "DFP", "IDAP",
                                            "RAMB", "SMA", "AMS", "MLP", "ILNU"};
    struct Score {
        int sites = 0, applied = 0, hits = 0, cppcheck_hits = 0, tidy_hits = 0, tool_samples = 0;
    };
    std::map<std::string, Score> score;
    std::vector<std::string> misses;
    const int tool_cap =
        3; // variants per type also given to cppcheck and clang-tidy (they are slow)
    bool cpp = have("cppcheck"), tidy = have("clang-tidy-14");
    fs::path tmp = fs::temp_directory_path() / ("hlsv_check_bench_" + std::to_string(getpid()));
    fs::create_directories(tmp);
    for (const auto& entry : fs::directory_iterator(designs)) {
        if (!fs::exists(entry.path() / "hlsv.json")) {
            continue;
        }
        DesignSpec d;
        try {
            d = load_design(entry.path());
        } catch (const Error& e) {
            std::printf("  skip %s: %s\n", entry.path().c_str(), e.what());
            continue;
        }
        for (const auto& src_path : d.sources) {
            std::string text = read_file(src_path);
            parse::Options po;
            po.top = d.top;
            po.use_libclang = false;
            parse::DesignFacts facts;
            try {
                facts = parse::parse_source(src_path.string(), text, po);
            } catch (const Error&) {
                continue;
            }
            SourceText st(text);
            check::Options co;
            co.include_dirs = {d.dir.string(), (root / "harness" / "include").string()};
            co.honor_suppressions = false;
            for (const auto& t : types) {
                std::vector<inject::Site> sites;
                try {
                    sites = inject::sites_for(t, facts, st);
                } catch (const Error&) {
                    continue;
                }
                for (const auto& site : sites) {
                    Score& s = score[t];
                    ++s.sites;
                    auto ar = inject::apply(text, inject::injection_from_sites({site}));
                    if (!ar.ok) {
                        continue;
                    }
                    ++s.applied;
                    auto near = [&](int line) {
                        for (int cl : ar.changed_lines) {
                            if (line >= cl - 1 && line <= cl + 1) {
                                return true;
                            }
                        }
                        return false;
                    };
                    bool hit = false;
                    for (const auto& f : check::check_source(src_path.string(), ar.buggy, co)) {
                        hit = hit || (f.type && *f.type == t && near(f.line));
                    }
                    s.hits += hit;
                    if (!hit) {
                        misses.push_back(t + " " + src_path.filename().string() + ":" +
                                         std::to_string(site.line) + ": " + site.explanation);
                    }
                    if ((cpp || tidy) && s.tool_samples < tool_cap) {
                        ++s.tool_samples;
                        fs::path var = tmp / src_path.filename();
                        write_file_atomic(var, ar.buggy);
                        std::string inc = " -I'" + d.dir.string() + "'";
                        auto tool_hit = [&](const std::string& out) {
                            std::string name = var.filename().string() + ":";
                            for (std::size_t p = out.find(name); p != std::string::npos;
                                 p = out.find(name, p + 1)) {
                                int line = std::atoi(out.c_str() + p + name.size());
                                if (near(line)) {
                                    return true;
                                }
                            }
                            return false;
                        };
                        if (cpp) {
                            s.cppcheck_hits +=
                                tool_hit(run(cppcheck_cmd(inc + " '" + var.string() + "'")).out);
                        }
                        if (tidy) {
                            s.tidy_hits +=
                                tool_hit(run(tidy_cmd(" '" + var.string() + "'", root) + inc).out);
                        }
                    }
                }
            }
        }
    }
    fs::remove_all(tmp);
    std::printf(
        "\n== recall on rule-engine injections (hit: finding of that type within +-1 line)\n");
    std::printf("  %-5s %6s %8s %6s %8s   %-18s %-18s\n", "type", "sites", "applied", "hits",
                "recall", "cppcheck (sample)", "clang-tidy (sample)");
    int total_applied = 0, total_hits = 0;
    for (const auto& t : types) {
        const Score& s = score[t];
        total_applied += s.applied;
        total_hits += s.hits;
        std::printf("  %-5s %6d %8d %6d %7.1f%%   %3d/%-14d %3d/%-14d\n", t.c_str(), s.sites,
                    s.applied, s.hits, s.applied ? 100.0 * s.hits / s.applied : 0.0,
                    s.cppcheck_hits, s.tool_samples, s.tidy_hits, s.tool_samples);
    }
    std::printf("  %-5s %6s %8d %6d %7.1f%%   (target >= 90%%)\n", "all", "", total_applied,
                total_hits, total_applied ? 100.0 * total_hits / total_applied : 0.0);
    if (!misses.empty()) {
        std::printf("  misses:\n");
        for (const auto& m : misses) {
            std::printf("    %s\n", m.c_str());
        }
    }
#else
    std::printf("\n== recall: the inject module is not in this build; nothing to measure\n");
#endif
    return 0;
}
