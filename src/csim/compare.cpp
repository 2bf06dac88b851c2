// Output comparison (with ignore regexes) and outcome classification.
#include "compare.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <regex>
#include <signal.h>

namespace hlsv::csim {

namespace {

std::vector<std::string> kept_lines(const std::string& text,
                                    const std::vector<std::regex>& ignore) {
    std::vector<std::string> out;
    for (auto& line : split(text, '\n')) {
        bool skip = false;
        for (const auto& re : ignore) {
            skip = skip || std::regex_search(line, re);
        }
        if (!skip) {
            out.push_back(std::move(line));
        }
    }
    while (!out.empty() && out.back().empty()) {
        out.pop_back();
    }
    return out;
}

std::vector<std::string> split_ws(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\r' || c == ',') {
            if (!cur.empty()) {
                out.push_back(cur);
                cur.clear();
            }
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) {
        out.push_back(cur);
    }
    return out;
}

std::string clip(const std::string& s) {
    return s.size() > 100 ? s.substr(0, 100) + "..." : s;
}

std::optional<std::string> diff_text(const std::string& what, const std::string& golden,
                                     const std::string& variant,
                                     const std::vector<std::regex>& ignore) {
    if (golden == variant) {
        return std::nullopt;
    }
    auto g = kept_lines(golden, ignore);
    auto v = kept_lines(variant, ignore);
    for (std::size_t i = 0; i < std::max(g.size(), v.size()); ++i) {
        if (i >= g.size()) {
            return what + " line " + std::to_string(i + 1) + ": unexpected '" + clip(v[i]) + "'";
        }
        if (i >= v.size()) {
            return what + " line " + std::to_string(i + 1) + ": missing '" + clip(g[i]) + "'";
        }
        if (g[i] != v[i]) {
            return what + " line " + std::to_string(i + 1) + ": expected '" + clip(g[i]) +
                   "', got '" + clip(v[i]) + "'";
        }
    }
    return std::nullopt;
}

std::string sanitizer_line(const std::string& err) {
    for (const auto& line : split(err, '\n')) {
        if (line.find("ERROR: AddressSanitizer") != std::string::npos ||
            line.find("ERROR: LeakSanitizer") != std::string::npos ||
            line.find("runtime error:") != std::string::npos) {
            // Process ids and addresses change from run to run; verdict details must not, so
            // a dataset regenerates byte for byte.
            static const std::regex pid(R"(==\d+==)");
            static const std::regex addr(R"(0x[0-9a-fA-F]+)");
            std::string out = std::regex_replace(std::string(trim(line)), pid, "==PID==");
            return std::regex_replace(out, addr, "0x...");
        }
    }
    return {};
}

std::string signal_name(int sig) {
    const char* abbrev = sigabbrev_np(sig);
    return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
}

std::string format_seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", s);
    return buf;
}

} // namespace

std::optional<std::string> first_difference(const DesignSpec& design, const Observed& golden,
                                            const Observed& variant) {
    std::vector<std::regex> ignore;
    for (const auto& re : design.ignore) {
        ignore.emplace_back(re);
    }
    for (const auto& what : design.compare) {
        if (what == "exit") {
            if (golden.exit_code != variant.exit_code) {
                return "exit status " + std::to_string(variant.exit_code) + ", golden " +
                       std::to_string(golden.exit_code);
            }
        } else if (what == "stdout") {
            if (auto d = diff_text("stdout", golden.out, variant.out, ignore)) {
                return d;
            }
        } else if (what == "stderr") {
            if (auto d = diff_text("stderr", golden.err, variant.err, ignore)) {
                return d;
            }
        } else {
            auto g = golden.files.find(what);
            auto v = variant.files.find(what);
            std::optional<std::string> gv = g != golden.files.end() ? g->second : std::nullopt;
            std::optional<std::string> vv = v != variant.files.end() ? v->second : std::nullopt;
            if (gv.has_value() != vv.has_value()) {
                return what + (vv ? ": written, golden did not write it" : ": not written");
            }
            if (gv) {
                if (auto d = diff_text(what, *gv, *vv, ignore)) {
                    return d;
                }
            }
        }
    }
    return std::nullopt;
}

// Numbers equal within tol * max(1, |a|, |b|); everything else token by token.
bool tolerant_equal_line(const std::string& a, const std::string& b, double tol) {
    auto ta = split_ws(a), tb = split_ws(b);
    if (ta.size() != tb.size()) {
        return false;
    }
    for (std::size_t i = 0; i < ta.size(); ++i) {
        if (ta[i] == tb[i]) {
            continue;
        }
        char* ea = nullptr;
        char* eb = nullptr;
        double x = std::strtod(ta[i].c_str(), &ea);
        double y = std::strtod(tb[i].c_str(), &eb);
        if (ea == ta[i].c_str() || *ea || eb == tb[i].c_str() || *eb) {
            return false;
        }
        double scale = std::max({1.0, std::fabs(x), std::fabs(y)});
        if (!(std::fabs(x - y) <= tol * scale)) {
            return false;
        }
    }
    return true;
}

std::optional<std::string> diff_reference(const std::string& what, const std::string& expected,
                                          const std::string& got,
                                          const std::vector<std::regex>& ignore, double tol) {
    if (tol <= 0) {
        return diff_text(what, expected, got, ignore);
    }
    auto g = kept_lines(expected, ignore);
    auto v = kept_lines(got, ignore);
    for (std::size_t i = 0; i < std::max(g.size(), v.size()); ++i) {
        if (i >= g.size()) {
            return what + " line " + std::to_string(i + 1) + ": unexpected '" + clip(v[i]) + "'";
        }
        if (i >= v.size()) {
            return what + " line " + std::to_string(i + 1) + ": missing '" + clip(g[i]) + "'";
        }
        if (!tolerant_equal_line(g[i], v[i], tol)) {
            return what + " line " + std::to_string(i + 1) + ": expected '" + clip(g[i]) +
                   "', got '" + clip(v[i]) + "'";
        }
    }
    return std::nullopt;
}

std::optional<std::string> reference_difference(const DesignSpec& design, const Observed& run) {
    std::vector<std::regex> ignore;
    for (const auto& re : design.ignore) {
        ignore.emplace_back(re);
    }
    const auto& e = design.expect;
    double tol = e.tolerance;
    if (!e.stdout_ref.empty()) {
        if (auto d = diff_reference("stdout (vs " + e.stdout_ref.filename().string() + ")",
                                    read_file(e.stdout_ref, 256u << 20), run.out, ignore, tol)) {
            return d;
        }
    }
    if (!e.stderr_ref.empty()) {
        if (auto d = diff_reference("stderr (vs " + e.stderr_ref.filename().string() + ")",
                                    read_file(e.stderr_ref, 256u << 20), run.err, ignore, tol)) {
            return d;
        }
    }
    for (const auto& [out, ref] : e.files) {
        auto it = run.files.find(out);
        if (it == run.files.end() || !it->second) {
            return out + ": not written (expected like " + ref.filename().string() + ")";
        }
        if (auto d = diff_reference(out + " (vs " + ref.filename().string() + ")",
                                    read_file(ref, 256u << 20), *it->second, ignore, tol)) {
            return d;
        }
    }
    return std::nullopt;
}

std::map<std::string, std::optional<std::string>> collect_files(const DesignSpec& design,
                                                                const fs::path& run_dir) {
    std::map<std::string, std::optional<std::string>> files;
    std::vector<std::string> wanted = design.compare;
    for (const auto& [out, ref] : design.expect.files) {
        wanted.push_back(out);
    }
    for (const auto& what : wanted) {
        if (what == "exit" || what == "stdout" || what == "stderr") {
            continue;
        }
        fs::path p = run_dir / what;
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) {
            try {
                files[what] = read_file(p, 256u << 20);
            } catch (const Error&) {
                files[what] = "<unreadable>";
            }
        } else {
            files[what] = std::nullopt;
        }
    }
    return files;
}

Result classify(const Outcome& o, const Options& opts, double timeout_s) {
    Result r;
    r.isolation = o.isolation;
    r.exit_code = o.exit_code;
    r.signal = o.signal;
    r.seconds = o.seconds;
    r.stdout_text = o.out;
    r.stderr_text = o.err;
    if (o.failure == Failure::error) {
        throw InternalError("cannot run the testbench: " + o.error);
    }
    std::string san = sanitizer_line(o.err);
    if (o.failure == Failure::timeout) {
        r.verdict = Verdict::timeout;
        r.detail = o.signal == SIGXCPU ? "CPU time limit exceeded"
                                       : "no exit within " + format_seconds(timeout_s) + " s";
    } else if (!san.empty()) {
        r.verdict = Verdict::sanitizer;
        r.detail = san;
    } else if (o.failure == Failure::process_limit) {
        r.verdict = Verdict::crash;
        r.detail =
            "killed: more than " + std::to_string(opts.max_processes) + " processes (fork bomb?)";
    } else if (o.failure == Failure::output_limit) {
        r.verdict = Verdict::fail;
        r.detail = "killed: output exceeded " + std::to_string(opts.output_cap >> 10) + " KiB";
    } else if (o.signal != 0) {
        r.verdict = Verdict::crash;
        r.detail = "killed by " + signal_name(o.signal);
        if (o.signal == SIGXFSZ) {
            r.detail += " (file size limit)";
        }
    } else if (o.exit_code != 0) {
        r.verdict = Verdict::fail;
        r.detail = "exit status " + std::to_string(o.exit_code);
        for (const auto& line : split(o.err, '\n')) {
            if (!trim(line).empty()) {
                r.detail += ": " + std::string(trim(line)).substr(0, 160);
                break;
            }
        }
    } else {
        r.verdict = Verdict::pass;
    }
    return r;
}

} // namespace hlsv::csim
