// csim_bench: the hot loop of dataset generation, validating many variants of one design.
// Side by side in one run, on the same one-constant variants of each design:
//   naive: per variant one full compiler run (design + testbench -> executable) and one run;
//   hlsv:  Simulator::run_variants (cached testbench object, mutant-schema batches, TCE,
//          parallel runs).
// Both use the same flags and the same sandbox for runs; the golden run is outside the timing
// for both. Reports wall time and CPU time (this process + all children), since the machine
// is shared. Usage: csim_bench [variants=20] [design...]   (default designs: a few of
// benchmarks/designs)
#include "build.h"
#include "csim/csim.h"
#include "sandbox.h"
#include "tempdir.h"

#include <chrono>
#include <cstdio>
#include <regex>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace {

using namespace hlsv;
using namespace hlsv::csim;

struct Clocks {
    double wall, cpu, self;
};

Clocks now() {
    rusage self{}, kids{};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &kids);
    auto sec = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) * 1e-6; };
    double cpu = sec(self.ru_utime) + sec(self.ru_stime) + sec(kids.ru_utime) + sec(kids.ru_stime);
    double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    return {wall, cpu, sec(self.ru_utime) + sec(self.ru_stime)};
}

// `count` variants that each change one integer literal of the top source (outside
// preprocessor lines) to another value.
std::vector<Variant> one_constant_variants(const DesignSpec& d, int count) {
    const fs::path& src = d.sources.front();
    std::string text = read_file(src);
    std::vector<std::pair<std::size_t, std::size_t>> literals; // offset, length
    std::regex lit(R"((^|[^A-Za-z0-9_.<])([0-9]+)\b(?![.xXuUlLeE]))");
    std::size_t line_start = 0;
    for (const auto& line : split(text, '\n')) {
        std::string_view t = trim(line);
        bool skip = t.rfind("#", 0) == 0 || t.rfind("//", 0) == 0;
        if (!skip) {
            for (std::sregex_iterator it(line.begin(), line.end(), lit), end; it != end; ++it) {
                literals.emplace_back(line_start + std::size_t(it->position(2)),
                                      std::size_t(it->length(2)));
            }
        }
        line_start += line.size() + 1;
    }
    std::vector<Variant> out;
    if (literals.empty()) {
        return out;
    }
    for (int i = 0; i < count; ++i) {
        auto [pos, len] = literals[std::size_t(i) % literals.size()];
        long v = std::stol(text.substr(pos, len));
        long nv = v + 1 + long(std::size_t(i) / literals.size());
        std::string t = text;
        t.replace(pos, len, std::to_string(nv));
        out.push_back(Variant{{{src.filename().string(), t}}});
    }
    return out;
}

// One full build and run per variant, as a script without hlsv's machinery would do it.
int naive(const DesignSpec& d, const std::vector<Variant>& variants,
          const std::string& golden_out) {
    Options opts;
    Toolchain tc(d, opts);
    int differing = 0;
    for (const auto& v : variants) {
        TempDir dir("hlsv-bench-naive-");
        for (const auto& f : design_code_files(d.dir)) {
            fs::copy_file(f, dir.path() / f.filename());
        }
        for (const auto& [name, text] : v.files) {
            write_file_atomic(dir.path() / name, text);
        }
        std::vector<std::string> argv = {tc.linker()};
        auto flags = tc.compile_flags(d.sources.front());
        argv.insert(argv.end(), flags.begin(), flags.end());
        for (const auto& s : d.sources) {
            argv.push_back(s.filename().string());
        }
        for (const auto& t : d.testbench) {
            argv.push_back(t.filename().string());
        }
        auto lf = tc.link_flags();
        argv.insert(argv.end(), lf.begin(), lf.end());
        argv.insert(argv.end(), {"-o", "sim"});
        BuildStep step = run_compiler(argv, dir.path());
        if (!step.ok) {
            ++differing;
            continue;
        }
        prepare_run_dir(dir.path());
        Command c;
        c.argv = {"./sim"};
        c.argv.insert(c.argv.end(), d.args.begin(), d.args.end());
        c.cwd = dir.path();
        c.env = base_env(dir.path());
        c.limits.wall_s = d.timeout_s;
        c.limits.address_space = 2ull << 30;
        Outcome o = run_command(c);
        differing += (o.exit_code != 0 || o.out != golden_out) ? 1 : 0;
    }
    return differing;
}

} // namespace

int main(int argc, char** argv) {
    if (std::getenv("HLSV_BENCH_VERBOSE")) {
        set_verbosity(Verbosity::verbose);
    }
    int count = argc > 1 ? std::atoi(argv[1]) : 20;
    std::vector<std::string> names;
    for (int i = 2; i < argc; ++i) {
        names.push_back(argv[i]);
    }
    if (names.empty()) {
        names = {"fir_filter", "crc32", "matvec", "histogram"};
    }
    std::printf("csim_bench: %d one-constant variants per design; wall and CPU (self+children) "
                "seconds; same run, same variants\n",
                count);
    std::printf("%-14s %4s | %9s %9s %8s | %9s %9s %8s | %7s %7s | %s\n", "design", "n", "naive_s",
                "naive_cpu", "naive/s", "hlsv_s", "hlsv_cpu", "hlsv/s", "x_wall", "x_cpu",
                "hlsv verdicts");
    double tot_nw = 0, tot_nc = 0, tot_hw = 0, tot_hc = 0;
    int tot_n = 0;
    try {
        for (const auto& name : names) {
            DesignSpec d = load_design(fs::path(HLSV_DESIGNS_DIR) / name);
            auto variants = one_constant_variants(d, count);
            if (variants.empty()) {
                std::printf("%-14s: no integer literals, skipped\n", name.c_str());
                continue;
            }
            TempDir cache("hlsv-bench-cache-");
            Options opts;
            opts.cache_dir = cache.path();
            Simulator sim(opts);
            Result golden = sim.run_golden(d); // both sides need it; not timed
            if (golden.verdict != Verdict::pass) {
                std::printf("%-14s: golden %s, skipped\n", name.c_str(),
                            std::string(verdict_name(golden.verdict)).c_str());
                continue;
            }
            Clocks a = now();
            naive(d, variants, golden.stdout_text);
            Clocks b = now();
            auto rs = sim.run_variants(d, variants);
            Clocks c = now();
            std::map<std::string, int> hist;
            for (const auto& r : rs) {
                hist[std::string(verdict_name(r.verdict))]++;
            }
            std::string verdicts;
            for (const auto& [k, v] : hist) {
                verdicts += k + "=" + std::to_string(v) + " ";
            }
            double nw = b.wall - a.wall, nc = b.cpu - a.cpu, hw = c.wall - b.wall,
                   hc = c.cpu - b.cpu;
            double n = double(variants.size());
            std::printf("%-14s %4zu | %9.2f %9.2f %8.2f | %9.2f %9.2f %8.2f | %7.1f %7.1f | %s\n",
                        name.c_str(), variants.size(), nw, nc, n / nw, hw, hc, n / hw, nw / hw,
                        nc / hc, verdicts.c_str());
            if (std::getenv("HLSV_BENCH_VERBOSE")) {
                std::printf("%-14s hlsv cpu: %.2f s in this process, %.2f s in children\n", "",
                            c.self - b.self, hc - (c.self - b.self));
            }
            std::fflush(stdout);
            tot_nw += nw, tot_nc += nc, tot_hw += hw, tot_hc += hc, tot_n += int(variants.size());
        }
    } catch (const Error& e) {
        std::fprintf(stderr, "csim_bench: error: %s\n", e.what());
        return int(e.code());
    }
    if (tot_n > 0) {
        std::printf("%-14s %4d | %9.2f %9.2f %8.2f | %9.2f %9.2f %8.2f | %7.1f %7.1f |\n", "total",
                    tot_n, tot_nw, tot_nc, tot_n / tot_nw, tot_hw, tot_hc, tot_n / tot_hw,
                    tot_nw / tot_hw, tot_nc / tot_hc);
    }
    return 0;
}
