// lsp_bench: how soon after a change the editor has diagnostics.
//   latency   a client (this program) sends an incremental didChange to `hlsv lsp` and times
//             until publishDiagnostics for that version arrives; 200 changes on a 2,000-line
//             file of our own kernels, one at a time (p50 / p95 / max), plus typing bursts
//             (10 keystrokes back to back, timed from the last one)
//   baseline  `hlsv check FILE` on the same text from the command line, same run (wall and CPU)
// With HLSV_CORPUS set, the same on a Vitis_Accel_Examples kernel and a MachSuite kernel.
// Target (issue #20): p95 <= 50 ms on the 2,000-line file.
#include "lsp_client.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/resource.h>

namespace fs = std::filesystem;
using hlsv::test::file_uri;
using hlsv::test::json;
using hlsv::test::LspProcess;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double children_cpu() {
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

/// One kernel of our own (a filter bank in a common HLS style), `k` makes the names unique.
std::string kernel(int k) {
    std::string n = std::to_string(k);
    std::string s;
    s += "// bank " + n + ": a small FIR per channel with a partitioned delay line\n";
    s += "#define TAPS_" + n + " 8\n";
    s += "#define CH_" + n + " 4\n";
    s += "static const int coef_" + n + "[TAPS_" + n + "] = {1, -2, 3, -4, 4, -3, 2, -1};\n";
    s += "\n";
    s += "void fir_bank_" + n + "(const int in[CH_" + n + "][64], int out[CH_" + n + "][64]) {\n";
    s += "#pragma HLS interface mode=ap_memory port=in\n";
    s += "#pragma HLS interface mode=ap_memory port=out\n";
    s += "    int delay[CH_" + n + "][TAPS_" + n + "];\n";
    s += "#pragma HLS array_partition variable=delay type=complete dim=2\n";
    s += "init:\n";
    s += "    for (int c = 0; c < CH_" + n + "; c++) {\n";
    s += "        for (int t = 0; t < TAPS_" + n + "; t++) {\n";
    s += "#pragma HLS unroll\n";
    s += "            delay[c][t] = 0;\n";
    s += "        }\n";
    s += "    }\n";
    s += "channels:\n";
    s += "    for (int c = 0; c < CH_" + n + "; c++) {\n";
    s += "    samples:\n";
    s += "        for (int i = 0; i < 64; i++) {\n";
    s += "#pragma HLS pipeline II=1\n";
    s += "            int acc = 0;\n";
    s += "        shift:\n";
    s += "            for (int t = TAPS_" + n + " - 1; t > 0; t--) {\n";
    s += "                delay[c][t] = delay[c][t - 1];\n";
    s += "            }\n";
    s += "            delay[c][0] = in[c][i];\n";
    s += "        mac:\n";
    s += "            for (int t = 0; t < TAPS_" + n + "; t++) {\n";
    // Every fifth bank carries a pragma bug, so diagnostics are not empty.
    s += k % 5 == 0 ? "#pragma HLS pipeline II=1\n" : "#pragma HLS unroll\n";
    s += "                acc += delay[c][t] * coef_" + n + "[t];\n";
    s += "            }\n";
    s += "            out[c][i] = acc >> 2;\n";
    s += "        }\n";
    s += "    }\n";
    s += "}\n";
    s += "\n";
    s += "int fir_gain_" + n + "(int x) {\n";
    s += "    return x * " + std::to_string(k % 7 + 1) + ";\n";
    s += "}\n";
    s += "\n";
    return s;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int count_lines(const std::string& s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

/// User + system CPU ms the process `pid` has used so far (/proc/PID/stat fields 14, 15).
double process_cpu_ms(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto close = stat.rfind(')');
    if (close == std::string::npos) {
        return 0;
    }
    std::istringstream rest(stat.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i >= 14) {
            ticks += std::stod(field);
        }
    }
    return ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct Latency {
    double cpu_per_change = 0;  ///< server CPU ms per single change (load-independent)
    std::vector<double> single; ///< ms per change
    std::vector<double> burst;  ///< ms from the last keystroke of a burst
    int findings = 0;
    bool ok = true;
};

/// Opens `file` (text `text`) in a fresh server and edits it: insert a comment line in the
/// middle, then delete it, alternately, `n` times; then bursts of keystrokes.
Latency measure(const fs::path& file, const std::string& text, int n, int bursts) {
    Latency out;
    LspProcess p({HLSV_BIN, "lsp"});
    int id = p.request("initialize", {{"processId", nullptr},
                                      {"rootUri", file_uri(file.parent_path().string())},
                                      {"capabilities", json::object()}});
    if (!p.response(id)) {
        out.ok = false;
        return out;
    }
    p.notify("initialized", json::object());
    std::string uri = file_uri(file.string());
    p.notify(
        "textDocument/didOpen",
        {{"textDocument", {{"uri", uri}, {"languageId", "cpp"}, {"version", 1}, {"text", text}}}});
    auto first = p.diagnostics(uri, 1, std::chrono::seconds(60));
    if (!first) {
        out.ok = false;
        return out;
    }
    out.findings = static_cast<int>((*first)["diagnostics"].size());
    int version = 1;
    int mid = count_lines(text) / 2;
    double cpu0 = process_cpu_ms(p.pid());
    for (int i = 0; i < n; ++i) {
        json change;
        if (i % 2 == 0) {
            json at = {{"line", mid}, {"character", 0}};
            change = {{"range", {{"start", at}, {"end", at}}}, {"text", "// edit\n"}};
        } else {
            change = {{"range",
                       {{"start", {{"line", mid}, {"character", 0}}},
                        {"end", {{"line", mid + 1}, {"character", 0}}}}},
                      {"text", ""}};
        }
        ++version;
        auto t0 = Clock::now();
        p.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                            {"contentChanges", json::array({change})}});
        if (!p.diagnostics(uri, version, std::chrono::seconds(30))) {
            out.ok = false;
            return out;
        }
        out.single.push_back(ms_since(t0));
    }
    out.cpu_per_change = (process_cpu_ms(p.pid()) - cpu0) / n;
    // Typing bursts: "x = 1;" typed one character at a time at the end of the middle line.
    for (int b = 0; b < bursts; ++b) {
        std::string word = "int z" + std::to_string(b) + ";";
        json at = {{"line", mid}, {"character", 0}};
        Clock::time_point last;
        for (std::size_t c = 0; c < word.size(); ++c) {
            json pos = {{"line", mid}, {"character", static_cast<int>(c)}};
            ++version;
            last = Clock::now();
            p.notify("textDocument/didChange",
                     {{"textDocument", {{"uri", uri}, {"version", version}}},
                      {"contentChanges", json::array({{{"range", {{"start", pos}, {"end", pos}}},
                                                       {"text", std::string(1, word[c])}}})}});
        }
        if (!p.diagnostics(uri, version, std::chrono::seconds(30))) {
            out.ok = false;
            return out;
        }
        out.burst.push_back(ms_since(last));
        // Undo the burst with one change so the text stays the same size.
        ++version;
        json end = {{"line", mid}, {"character", static_cast<int>(word.size())}};
        p.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", uri}, {"version", version}}},
                  {"contentChanges",
                   json::array({{{"range", {{"start", at}, {"end", end}}}, {"text", ""}}})}});
        p.diagnostics(uri, version, std::chrono::seconds(30));
    }
    int sd = p.request("shutdown", nullptr);
    p.response(sd);
    p.notify("exit", nullptr);
    p.wait_exit();
    return out;
}

/// `hlsv check FILE`: median wall ms and mean CPU ms over `runs`.
std::pair<double, double> check_cli(const fs::path& file, int runs) {
    std::vector<double> wall;
    double cpu0 = children_cpu();
    for (int i = 0; i < runs; ++i) {
        auto t0 = Clock::now();
        std::string cmd = std::string(HLSV_BIN) + " check '" + file.string() + "' >/dev/null 2>&1";
        int rc = std::system(cmd.c_str());
        (void)rc; // exit 1 means findings
        wall.push_back(ms_since(t0));
    }
    return {percentile(wall, 0.5), (children_cpu() - cpu0) * 1000.0 / runs};
}

void report(const std::string& name, const fs::path& file, const std::string& text, int n,
            int bursts, bool target) {
    Latency l = measure(file, text, n, bursts);
    if (!l.ok || l.single.empty()) {
        std::printf("%-34s FAILED (no diagnostics from the server)\n", name.c_str());
        return;
    }
    auto [cli_wall, cli_cpu] = check_cli(file, 10);
    double p95 = percentile(l.single, 0.95);
    std::printf("%-34s %6d lines %4d findings | lsp change->diagnostics p50 %6.1f  p95 %6.1f  "
                "max %6.1f ms",
                name.c_str(), count_lines(text), l.findings, percentile(l.single, 0.5), p95,
                *std::max_element(l.single.begin(), l.single.end()));
    std::printf(" | server CPU %5.1f ms/change", l.cpu_per_change);
    if (!l.burst.empty()) {
        std::printf(" | burst p95 %6.1f ms", percentile(l.burst, 0.95));
    }
    std::printf(" | hlsv check CLI %6.1f ms wall %6.1f ms CPU", cli_wall, cli_cpu);
    if (target) {
        std::printf(" | target p95 <= 50 ms: %s", p95 <= 50 ? "met" : "MISSED");
    }
    std::printf("\n");
}

} // namespace

int main(int argc, char** argv) {
    int n = argc > 1 ? std::atoi(argv[1]) : 200;
    double load[1] = {0};
    getloadavg(load, 1);
    fs::path tmp = fs::temp_directory_path() / ("hlsv_lsp_bench_" + std::to_string(getpid()));
    fs::create_directories(tmp);
    std::string text;
    for (int k = 0; count_lines(text) < 2000; ++k) {
        text += kernel(k);
    }
    fs::path file = tmp / "fir_banks.cpp";
    std::ofstream(file) << text;
    std::printf("lsp_bench: %d changes per file, debounce 15 ms (the server default); load average "
                "%.1f on %ld cores (wall times stretch with load, CPU times do not)\n",
                n, load[0], sysconf(_SC_NPROCESSORS_ONLN));
    report("own: fir_banks.cpp (generated)", file, text, n, 20, true);
    if (const char* corpus = std::getenv("HLSV_CORPUS")) {
        const std::pair<const char*, const char*> files[] = {
            {"Vitis_Accel_Examples",
             "performance/kernel_global_bandwidth/src/kernel_global_bandwidth.cpp"},
            {"MachSuite", "gemm/ncubed/gemm.c"},
            {"MachSuite", "backprop/backprop/backprop.c"},
        };
        for (const auto& [suite, rel] : files) {
            fs::path src = fs::path(corpus) / suite / rel;
            if (!fs::exists(src)) {
                std::printf("%-34s skipped (not in the corpus)\n", rel);
                continue;
            }
            // Checked in place: the server and the CLI read the corpus, never write it.
            report(std::string(suite).substr(0, 9) + ": " + src.filename().string(), src,
                   slurp(src), n / 2, 5, false);
        }
    } else {
        std::printf("HLSV_CORPUS not set: corpus files skipped\n");
    }
    fs::remove_all(tmp);
    return 0;
}
